package io.tributary.daemon.cli;

import io.tributary.spi.CredentialField;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --access-token}, {@code --secret} and {@code --credential KEY=VALUE}; {@code -} reads a value from stdin. */
final class CredentialOptions {
    @Option(names = "--access-token", paramLabel = "TOKEN",
            description = "The system's access token (WooCommerce: consumer key ck_...; Magento: admin user name or the "
                    + "integration's access token; CoopCycle: the API app's identifier or an ak_ API key); - reads "
                    + "it from stdin.")
    String accessToken;

    @Option(names = "--secret", paramLabel = "SECRET",
            description = "The system's secret (WooCommerce: consumer secret cs_...; Magento: admin password or the "
                    + "integration's access token secret; CoopCycle: the API app's secret, none for an API key); - "
                    + "reads it from stdin.")
    String secret;

    @Option(names = "--credential", paramLabel = "KEY=VALUE",
            description = "A connector-specific credential, e.g. auth-mode=oauth1 or consumer-key=...; repeatable. "
                    + "VALUE - reads stdin.")
    Map<String, String> extra = new LinkedHashMap<>();

    /** The given credentials by field name; values of {@code -} are read from standard input, in option order. */
    Map<String, String> resolve(CliContext cli) {
        Map<String, String> all = new LinkedHashMap<>();
        if (accessToken != null) {
            all.put(CredentialField.ACCESS_TOKEN, fromStdinIfDash(cli, accessToken, "access token"));
        }
        if (secret != null) {
            all.put(CredentialField.SECRET, fromStdinIfDash(cli, secret, "secret"));
        }
        extra.forEach((key, value) -> all.put(key, fromStdinIfDash(cli, value, "credential " + key)));
        return all;
    }

    private static String fromStdinIfDash(CliContext cli, String value, String what) {
        return "-".equals(value) ? cli.readStdinLine(what) : value;
    }
}
