package io.tributary.coopcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A delivery's state from its tasks, and amounts in cents. */
class CoopCycleDeliveryMapperTest {
    private static JsonNode delivery(String pickup, String dropoff) throws Exception {
        return new ObjectMapper().readTree("{\"id\":1,\"pickup\":{\"type\":\"PICKUP\",\"status\":\"" + pickup
                + "\",\"createdAt\":\"2019-11-12T18:30:00+01:00\"},\"dropoff\":{\"type\":\"DROPOFF\",\"status\":\""
                + dropoff + "\"},\"order\":{\"number\":\"AAXB\",\"total\":350}}");
    }

    @ParameterizedTest
    @CsvSource({"TODO,TODO,TODO", "DOING,TODO,DOING", "DONE,TODO,DOING", "DONE,DOING,DOING", "DONE,DONE,DONE",
            "DONE,FAILED,FAILED", "FAILED,TODO,FAILED", "CANCELLED,CANCELLED,CANCELLED", "TODO,CANCELLED,CANCELLED"})
    void theStatusComesFromTheTasks(String pickup, String dropoff, String expected) throws Exception {
        assertThat(CoopCycleDeliveryMapper.status(delivery(pickup, dropoff))).isEqualTo(expected);
    }

    @Test
    void multiDropTasksGiveTheStatusWhenTheyAreObjects() throws Exception {
        JsonNode delivery = new ObjectMapper().readTree("{\"id\":2,\"tasks\":["
                + "{\"type\":\"PICKUP\",\"status\":\"DONE\"},{\"type\":\"DROPOFF\",\"status\":\"DONE\"},"
                + "{\"type\":\"DROPOFF\",\"status\":\"TODO\"}]}");
        assertThat(CoopCycleDeliveryMapper.status(delivery)).isEqualTo("DOING");
    }

    @Test
    void theModificationTimeIsTheNewestTaskUpdateWhereOneIsSentAndNoneOtherwise() throws Exception {
        assertThat(CoopCycleDeliveryMapper.order(delivery("DONE", "DONE"), "EUR").modifiedAt())
                .as("a delivery as CoopCycle serializes it: no updatedAt, so the host stores the sync's time")
                .isNull();
        JsonNode withUpdates = new ObjectMapper().readTree("{\"id\":4,\"pickup\":{\"type\":\"PICKUP\","
                + "\"status\":\"DONE\",\"createdAt\":\"2019-11-12T18:30:00+01:00\",\"updatedAt\":"
                + "\"2019-11-12T19:05:00+01:00\"},\"dropoff\":{\"type\":\"DROPOFF\",\"status\":\"DONE\","
                + "\"updatedAt\":\"2019-11-12T19:40:12+01:00\"}}");
        assertThat(CoopCycleDeliveryMapper.order(withUpdates, "EUR").modifiedAt())
                .isEqualTo(Instant.parse("2019-11-12T18:40:12Z"));
    }

    @Test
    void centsAreExactAndTimesUtc() throws Exception {
        var order = CoopCycleDeliveryMapper.order(delivery("TODO", "TODO"), "EUR");
        assertThat(order.total().toPlainString()).isEqualTo("3.50");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2019-11-12T17:30:00Z"));
        assertThat(order.number()).isEqualTo("AAXB");

        JsonNode fractional = new ObjectMapper().readTree("{\"id\":3,\"pickup\":{\"createdAt\":"
                + "\"2019-11-12T18:30:00+01:00\"},\"order\":{\"total\":3.5}}");
        assertThatThrownBy(() -> CoopCycleDeliveryMapper.order(fractional, "EUR"))
                .hasMessageContaining("not a whole number of cents");
    }
}
