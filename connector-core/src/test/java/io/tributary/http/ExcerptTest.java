package io.tributary.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void cutsLongTextsAndMarksTheCut() {
        assertThat(Excerpt.of("abcdef", 6)).isEqualTo("abcdef");
        assertThat(Excerpt.of("abcdefg", 6)).isEqualTo("abcdef…");
    }

    @Test
    void aQuoteStaysOnOneLineWhateverTheSystemSent() {
        assertThat(Excerpt.of("12\n50\r\t\u0000€", 40)).isEqualTo("12\\n50\\r\\t\\u0000€");
        assertThat(Excerpt.of("a\nbcdef", 3)).isEqualTo("a\\nb…");
    }

    @Test
    void plainDropsTagsAndFoldsWhiteSpace() {
        assertThat(Excerpt.plain("  <p>Sorry,\n\n you are <b>not</b>\tallowed</p> ", 200))
                .isEqualTo("Sorry, you are not allowed");
        assertThat(Excerpt.plain("<p>one two three</p>", 7)).isEqualTo("one two…");
    }

    @Test
    void aRecordIdIsAPositiveWholeNumber() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(Json.positiveId(json.readTree("{\"entity_id\":42}"), "entity_id", "Magento")).isEqualTo("42");
        assertThatThrownBy(() -> Json.positiveId(json.readTree("{\"id\":0,\"name\":\"" + "x".repeat(200) + "\"}"),
                "id", "WooCommerce"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WooCommerce sent a record without a numeric id: {\"id\":0,\"name\":\"" + "x".repeat(104)
                        + "…");
    }
}
