package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.TestDatabase;
import io.tributary.testkit.http.FakeHttpServer;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A shop behind a company's own certificate authority, over real TLS: refused (with the way out named) until the
 * operator trusts that authority with {@code TRIBUTARY_CA_FILE}; then verified and synced. A bad file is refused
 * at start in one sentence. Trusting one authority never turns verification off.
 */
class TrustedAuthorityTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aShopSignedByTheOperatorsOwnAuthorityIsTrustedOnlyThroughTheCaFile(TestDatabase.Backend backend)
            throws Exception {
        HeldCertificate companyCa = FakeHttpServer.newCertificateAuthority("Acme Corp Root CA");
        HeldCertificate strangerCa = FakeHttpServer.newCertificateAuthority("Somebody Else CA");
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(4).orders(2).seed(8).tlsIssuedBy(companyCa)
                        .start()) {
            assertThat(shop.siteUrl().getScheme()).isEqualTo("https");
            String[] verify = {"connection", "verify", "--system", "woocommerce", "--url", shop.siteUrl().toString(),
                    "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret()};

            CliHarness.Result untrusted = cli.run(verify);
            assertThat(untrusted.exitCode()).isNotZero();
            assertThat(untrusted.all()).contains("is not trusted", "ca_file").doesNotContain(shop.consumerSecret());

            Path stranger = home.resolve("stranger-ca.pem");
            Files.writeString(stranger, strangerCa.certificatePem());
            cli.environment().put("TRIBUTARY_CA_FILE", stranger.toString());
            assertThat(cli.run(verify).all()).as("another authority does not vouch for the shop")
                    .contains("is not trusted");

            Path bundle = home.resolve("company-ca.pem");
            Files.writeString(bundle, strangerCa.certificatePem() + companyCa.certificatePem());
            cli.environment().put("TRIBUTARY_CA_FILE", bundle.toString());
            CliHarness.Result trusted = cli.run(verify);
            assertThat(trusted.exitCode()).as(trusted.all()).isZero();
            assertThat(trusted.out()).contains("OK");

            CliHarness.Result added = cli.run("connection", "add", "--system", "woocommerce", "--name", "Intranet",
                    "--url", shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret",
                    shop.consumerSecret(), "--json");
            long id = added.json().get("id").asLong();
            CliHarness.Result synced = cli.run("sync", Long.toString(id), "--entity", "orders", "--json");
            assertThat(synced.exitCode()).as(synced.all()).isZero();
            assertThat(synced.json().get("read").asInt()).isEqualTo(2);

            Path notPem = home.resolve("not-a-certificate.pem");
            Files.writeString(notPem, "this is not a certificate\n");
            cli.environment().put("TRIBUTARY_CA_FILE", notPem.toString());
            CliHarness.Result refused = cli.run("connection", "list");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err().strip().lines().count()).isEqualTo(1);
            assertThat(refused.err()).contains("TRIBUTARY_CA_FILE", "not a PEM file");
            cli.environment().put("TRIBUTARY_CA_FILE", home.resolve("missing.pem").toString());
            assertThat(cli.run("connection", "list").err()).contains("does not exist");
        }
    }
}
