package io.tributary.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerKeyTest {

    @Test
    void anEmailIsTrimmedAndLowerCased() {
        assertThat(CustomerKey.email("  Ana.Lopez@Example.ORG \t")).isEqualTo(
                new CustomerKey(CustomerKey.Kind.EMAIL, "ana.lopez@example.org"));
        assertThat(CustomerKey.email("   ")).isNull();
        assertThat(CustomerKey.email("no-at-sign")).isNull();
        assertThat(CustomerKey.email("trailing@")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "030 1234567         | DE | +49301234567",
            "+49 (30) 123-4567   | DE | +49301234567",
            "0049 30 1234567     | DE | +49301234567",
            "06 12 34 56 78      | FR | +33612345678",
            "+33 6 12 34 56 78   | GB | +33612345678",
            "020 7946 0958       | GB | +442079460958",
            "(650) 253-0000      | US | +16502530000",
            "+1 650 253 0000     |    | +16502530000",
            "0412 345 678        | AU | +61412345678",
            "+91 98765 43210     | DE | +919876543210"})
    void phonesOfSeveralCountriesBecomeE164(String typed, String region, String e164) {
        assertThat(CustomerKey.phone(typed, region)).isEqualTo(new CustomerKey(CustomerKey.Kind.PHONE, e164));
    }

    @Test
    void aPhoneThatCannotBeReadIsNoKey() {
        assertThat(CustomerKey.phone("030 1234567", null)).as("national format without a store country").isNull();
        assertThat(CustomerKey.phone("12", "DE")).isNull();
        assertThat(CustomerKey.phone("call me", "FR")).isNull();
        assertThat(CustomerKey.phone(" ", "FR")).isNull();
    }
}
