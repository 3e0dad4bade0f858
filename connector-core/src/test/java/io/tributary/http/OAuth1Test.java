package io.tributary.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OAuth1Test {
    @Test
    void percentEncodesByRfc3986LikePhpRawurlencode() {
        assertThat(OAuth1.percentEncode("a b+c/d:e~f_g.h-i")).isEqualTo("a%20b%2Bc%2Fd%3Ae~f_g.h-i");
        assertThat(OAuth1.percentEncode("Café")).isEqualTo("Caf%C3%A9");
        assertThat(OAuth1.percentEncode("a b+c*d~e-f.g_h/é[0]")).isEqualTo("a%20b%2Bc%2Ad~e-f.g_h%2F%C3%A9%5B0%5D");
    }

    /** RFC 2202 / RFC 4231 test case 2, as base64. */
    @Test
    void hmacMatchesTheRfcTestVectors() {
        assertThat(OAuth1.hmacBase64("HmacSHA1", "Jefe", "what do ya want for nothing?"))
                .isEqualTo("7/zfauXrL6LSdBbV8YTfnCWafHk=");
        assertThat(OAuth1.hmacBase64("HmacSHA256", "Jefe", "what do ya want for nothing?"))
                .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    }

    @Test
    void noncesAreThirtyTwoFreshLettersAndDigits() {
        String first = OAuth1.nonce();
        assertThat(first).matches("[A-Za-z0-9]{32}");
        assertThat(OAuth1.nonce()).matches("[A-Za-z0-9]{32}").isNotEqualTo(first);
    }
}
