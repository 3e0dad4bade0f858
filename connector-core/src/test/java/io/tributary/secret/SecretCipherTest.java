package io.tributary.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private final MasterKey key = MasterKey.generate("test");
    private final SecretCipher cipher = new SecretCipher(key);

    @Test
    void roundTripsAndUsesAFreshNoncePerValue() {
        String first = cipher.encrypt("cs_0123456789abcdef", "connection:1");
        String second = cipher.encrypt("cs_0123456789abcdef", "connection:1");

        assertThat(first).startsWith("v1:" + key.id() + ":").doesNotContain("cs_0123456789abcdef");
        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getDecoder().decode(first.split(":")[2]);
        byte[] b = Base64.getDecoder().decode(second.split(":")[2]);
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
        assertThat(a).hasSize(12 + "cs_0123456789abcdef".length() + 16);
        assertThat(cipher.decrypt(first, "connection:1")).isEqualTo("cs_0123456789abcdef");
        assertThat(cipher.decrypt(second, "connection:1")).isEqualTo("cs_0123456789abcdef");
    }

    @Test
    void aWrongKeyIsNamedNotDecryptedToGarbage() {
        String sealed = cipher.encrypt("secret value", "connection:1");
        SecretCipher other = new SecretCipher(MasterKey.generate("TRIBUTARY_MASTER_KEY"));

        assertThatThrownBy(() -> other.decrypt(sealed, "connection:1"))
                .isInstanceOf(SecretsException.class)
                .hasMessage("The stored secrets were encrypted with master key " + key.id() + ", but the key in use "
                        + "(from TRIBUTARY_MASTER_KEY) is " + other.key().id()
                        + ". Use the original key (TRIBUTARY_MASTER_KEY or TRIBUTARY_MASTER_KEY_FILE).");
    }

    @Test
    void aValueMovedToAnotherRowOrAlteredDoesNotDecrypt() {
        String sealed = cipher.encrypt("secret value", "connection:1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "connection:2"))
                .isInstanceOf(SecretsException.class).hasMessageContaining("altered or belongs to another record");

        byte[] data = Base64.getDecoder().decode(sealed.split(":")[2]);
        data[20] ^= 1;
        String altered = "v1:" + key.id() + ":" + Base64.getEncoder().encodeToString(data);
        assertThatThrownBy(() -> cipher.decrypt(altered, "connection:1")).isInstanceOf(SecretsException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain text", "connection:1"))
                .hasMessageContaining("not in Tributary's encrypted format");
    }

    @Test
    void keysMustBeThirtyTwoBytesOfBase64() {
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!", "TRIBUTARY_MASTER_KEY"))
                .hasMessageContaining("TRIBUTARY_MASTER_KEY is not valid base64");
        assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16]), "file k"))
                .hasMessageContaining("must be 32 bytes").hasMessageContaining("it has 16");
        MasterKey same = MasterKey.fromBase64(key.toBase64(), "again");
        assertThat(same.id()).isEqualTo(key.id());
        assertThat(key.toString()).doesNotContain(key.toBase64());
    }
}
