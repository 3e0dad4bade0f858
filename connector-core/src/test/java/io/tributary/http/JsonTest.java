package io.tributary.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import java.math.BigDecimal;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static HttpAnswer answer(String type, String body) {
        return new HttpAnswer("GET", HttpUrl.get("https://shop.example/api/items?consumer_secret=cs_x"), 200,
                Headers.of("Content-Type", type), body, 5);
    }

    @Test
    void numbersStayExact() {
        JsonNode node = Json.parse(answer("application/json", "{\"a\":12.5,\"b\":\"0.10\",\"c\":0.1,\"d\":\"\"}"));
        assertThat(Json.decimal(node, "a", "1")).isEqualByComparingTo("12.5");
        assertThat(Json.decimal(node, "b", "1").toPlainString()).isEqualTo("0.10");
        assertThat(Json.decimal(node, "c", "1")).isEqualTo(new BigDecimal("0.1"));
        assertThat(Json.decimal(node, "d", "1")).isNull();
        assertThat(Json.decimal(node, "missing", "1")).isNull();
    }

    @Test
    void anHtmlPageIsNotThisSystem() {
        assertThatThrownBy(() -> Json.parse(answer("text/html; charset=UTF-8",
                "<!DOCTYPE html><html><head><title>Log In &lsaquo; Shop</title></head></html>")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
                    assertThat(e.getMessage()).isEqualTo("GET https://shop.example/api/items answered with an HTML "
                            + "page titled \"Log In &lsaquo; Shop\" where a JSON API answer was expected: the URL "
                            + "does not point at the API (a login page, a proxy or another site).");
                });
    }

    @Test
    void malformedJsonIsAServerErrorWithoutTheQuery() {
        assertThatThrownBy(() -> Json.parse(answer("application/json", "[{\"id\": 1,")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
                    assertThat(e.getMessage()).startsWith("GET https://shop.example/api/items answered HTTP 200 "
                            + "with malformed JSON").doesNotContain("cs_x");
                });
    }

    @Test
    void timesWithoutZoneAreUtc() {
        assertThat(Json.parseUtc("2024-05-18T14:02:37")).isEqualTo(Instant.parse("2024-05-18T14:02:37Z"));
        assertThat(Json.parseUtc("2024-05-18 14:02:37")).isEqualTo(Instant.parse("2024-05-18T14:02:37Z"));
        assertThat(Json.parseUtc("2019-11-12T18:30:00+01:00")).isEqualTo(Instant.parse("2019-11-12T17:30:00Z"));
        assertThat(Json.parseUtc("2019-11-12T18:30:00.250-05:00")).isEqualTo(Instant.parse("2019-11-12T23:30:00.250Z"));
        assertThat(Json.parseUtc(" 2019-11-12 18:30:00Z ")).isEqualTo(Instant.parse("2019-11-12T18:30:00Z"));
    }
}
