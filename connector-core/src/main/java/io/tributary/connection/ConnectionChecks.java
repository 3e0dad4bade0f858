package io.tributary.connection;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.CredentialField;
import io.tributary.spi.ValidationProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The host's offline checks, the same for every system: the API URL is an absolute http(s) URL, required
 * credential fields are present and no unknown ones are given. They run before a connector's own
 * {@link io.tributary.spi.ConnectorProvider#validate}, which then checks only what is particular to its system.
 */
final class ConnectionChecks {
    private ConnectionChecks() {}

    /** Required fields missing and unknown fields given, for the provider's declared credential fields. */
    static List<ValidationProblem> fields(ConnectorProvider provider, ConnectionSettings settings) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (CredentialField field : provider.credentialFields()) {
            if (field.required() && !settings.has(field.name())) {
                problems.add(new ValidationProblem(field.name(), field.label() + " is required."));
            }
        }
        Set<String> known = new java.util.HashSet<>();
        provider.credentialFields().forEach(f -> known.add(f.name()));
        for (String given : settings.options().keySet()) {
            if (!known.contains(given)) {
                problems.add(unknownField(provider, given));
            }
        }
        for (String given : settings.secrets().keySet()) {
            if (!known.contains(given)) {
                problems.add(unknownField(provider, given));
            }
        }
        return problems;
    }

    private static ValidationProblem unknownField(ConnectorProvider provider, String given) {
        List<String> names = provider.credentialFields().stream().map(CredentialField::name).toList();
        return new ValidationProblem(given, provider.displayName() + " connections have no credential '" + given
                + "'; known: " + String.join(", ", names) + ".");
    }

    /** Problems with an API URL: it must be absolute, http or https, with a host, and carry no credentials. */
    static List<ValidationProblem> checkUrl(URI url) {
        List<ValidationProblem> problems = new ArrayList<>();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add(new ValidationProblem("url", "The API URL must start with https:// (or http://), got '"
                    + url + "'."));
        } else if (url.getHost() == null || url.getHost().isBlank()) {
            problems.add(new ValidationProblem("url", "The API URL '" + url + "' has no host name."));
        }
        if (url.getRawUserInfo() != null) {
            problems.add(new ValidationProblem("url",
                    "The API URL must not carry a user name or password; pass credentials as credentials."));
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            problems.add(new ValidationProblem("url", "The API URL must not have a query string or fragment."));
        }
        return problems;
    }

    /** Parses a URL typed by a person, trimming spaces; throws with a readable sentence when it is not one. */
    static URI parseUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The API URL is missing.");
        }
        try {
            URI uri = new URI(text.trim());
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("The API URL '" + text.trim()
                        + "' is not absolute: it must start with https:// (or http://).");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("The API URL '" + text.trim() + "' is not a valid URL: "
                    + e.getReason() + ".");
        }
    }
}
