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
 * credential fields are present and no unknown ones are given. A connector's own
 * {@link io.tributary.spi.ConnectorProvider#validate} then checks only what is particular to its system.
 */
public final class ConnectionChecks {
    private static final URI PLACEHOLDER_URL = URI.create("https://invalid.invalid/");

    private ConnectionChecks() {}

    /** Every offline problem of {@code settings}: the shared checks, then the connector's own. */
    public static List<ValidationProblem> check(ConnectorProvider provider, ConnectionSettings settings) {
        return check(provider, settings, checkUrl(settings.apiUrl()));
    }

    /**
     * As {@link #check(ConnectorProvider, ConnectionSettings)}, with the URL's problems already found. A connector's
     * own problem with the URL (Magento's missing /rest path, say) is listed only when the URL is a usable http(s)
     * URL at all: otherwise it would be a second sentence about the same mistake.
     */
    static List<ValidationProblem> check(ConnectorProvider provider, ConnectionSettings settings,
            List<ValidationProblem> urlProblems) {
        List<ValidationProblem> problems = new ArrayList<>(urlProblems);
        problems.addAll(fields(provider, settings));
        for (ValidationProblem own : provider.validate(settings)) {
            if (urlProblems.isEmpty() || !own.field().equals("url")) {
                problems.add(own);
            }
        }
        return problems;
    }

    /**
     * Parses and checks a URL typed by a person, once. Its problems are added to {@code problems}; then a
     * placeholder stands in for it, so the other checks still run and every problem is listed at once.
     */
    static URI parseUrl(String text, List<ValidationProblem> problems) {
        URI url;
        try {
            url = parseUrl(text);
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem("url", e.getMessage()));
            return PLACEHOLDER_URL;
        }
        List<ValidationProblem> found = new ArrayList<>(checkUrl(url));
        if (url.toString().length() > 2000) {
            found.add(new ValidationProblem("url", "The API URL is longer than 2000 characters."));
        }
        problems.addAll(found);
        return found.isEmpty() ? url : PLACEHOLDER_URL;
    }

    /** Required fields missing and unknown fields given, for the provider's declared credential fields. */
    private static List<ValidationProblem> fields(ConnectorProvider provider, ConnectionSettings settings) {
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
    private static List<ValidationProblem> checkUrl(URI url) {
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
    private static URI parseUrl(String text) {
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
