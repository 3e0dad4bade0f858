package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a connector needs to talk to one external system, typed: the API URL as the admin gave it,
 * non-secret credential values (such as an auth mode) and secret ones.
 *
 * @param connectionId the stored connection's id, or 0 for settings being checked before they are saved
 * @param name         the connection's name, for messages and logs
 */
public record ConnectionSettings(
        long connectionId,
        String name,
        String systemId,
        URI apiUrl,
        Map<String, String> options,
        Map<String, Secret> secrets) {

    public ConnectionSettings {
        requireNonNull(name, "name is null");
        requireNonNull(systemId, "systemId is null");
        requireNonNull(apiUrl, "apiUrl is null");
        options = Map.copyOf(requireNonNull(options, "options is null"));
        secrets = Map.copyOf(requireNonNull(secrets, "secrets is null"));
    }

    /** A non-secret credential value, if set and not blank. */
    public Optional<String> option(String field) {
        return Optional.ofNullable(options.get(field)).filter(v -> !v.isBlank());
    }

    /** A secret credential value, if set and not empty. */
    public Optional<Secret> secret(String field) {
        return Optional.ofNullable(secrets.get(field)).filter(s -> !s.isEmpty());
    }

    /** Whether a field has a value, secret or not. */
    public boolean has(String field) {
        return option(field).isPresent() || secret(field).isPresent();
    }

    /** A short label for logs: never contains a credential. */
    public String label() {
        return connectionId > 0 ? "connection " + connectionId + " (" + name + ")" : "unsaved connection " + name;
    }

    /** A copy with one more non-secret value. */
    public ConnectionSettings withOption(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(options);
        copy.put(field, value);
        return new ConnectionSettings(connectionId, name, systemId, apiUrl, copy, secrets);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + label() + ", system=" + systemId + ", url=" + apiUrl + ", options=" + options
                + ", secrets=" + secrets.keySet() + "]";
    }
}
