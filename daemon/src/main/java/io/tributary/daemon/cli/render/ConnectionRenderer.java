package io.tributary.daemon.cli.render;

import static io.tributary.daemon.cli.render.ValueFormats.time;

import io.tributary.connection.ConnectionView;
import io.tributary.spi.CredentialField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection, its credentials masked (the view holds them masked already). Listings leave out the fields its
 * system declares; a single connection ({@link #jsonWithFields}, {@link #fieldLines}) has them.
 */
public final class ConnectionRenderer implements Renderer<ConnectionView> {
    @Override
    public Map<String, Object> json(ConnectionView c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("system", c.systemId());
        json.put("name", c.name());
        json.put("url", c.url().toString());
        json.put("store", c.storeCode());
        json.put("enabled", c.enabled());
        json.put("createdAt", time(c.createdAt()));
        json.put("updatedAt", time(c.updatedAt()));
        json.put("credentials", c.credentials());
        json.put("failing", c.failing());
        json.put("lastError", c.lastError());
        json.put("health", c.health().label());
        json.put("verifiedAt", time(c.verifiedAt()));
        return json;
    }

    public Map<String, Object> jsonWithFields(ConnectionView c) {
        Map<String, Object> json = json(c);
        json.put("fields", c.fields().stream().map(ConnectionRenderer::field).toList());
        return json;
    }

    /** A credential field as the API and the console's form show it. */
    public static Map<String, Object> field(CredentialField field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.name());
        json.put("label", field.label());
        json.put("secret", field.secret());
        json.put("required", field.required());
        json.put("description", field.description());
        return json;
    }

    @Override
    public List<String> headers() {
        return List.of("ID", "SYSTEM", "NAME", "STORE", "ENABLED", "HEALTH", "URL");
    }

    @Override
    public List<String> row(ConnectionView c) {
        return List.of(Long.toString(c.id()), c.systemId(), c.name(), c.storeCode(), c.enabled() ? "yes" : "no",
                health(c), c.url().toString());
    }

    /** One {@code key: value} line per attribute and per (masked) credential, values aligned. */
    public List<String> detailLines(ConnectionView c) {
        List<String> lines = new ArrayList<>();
        lines.add("  id:           " + c.id());
        lines.add("  system:       " + c.systemId());
        lines.add("  name:         " + c.name());
        lines.add("  url:          " + c.url());
        lines.add("  store:        " + c.storeCode());
        lines.add("  enabled:      " + c.enabled());
        lines.add("  created:      " + c.createdAt());
        lines.add("  health:       " + health(c) + switch (c.health()) {
            case UNVERIFIED -> " (check it with: tributary connection verify " + c.id() + ")";
            case FAILING -> " (its last runs failed in a row)";
            case OK -> "";
        });
        lines.add("  failing:      " + (c.failing() ? "yes" : "no"));
        lines.add("  last error:   " + (c.lastError() == null ? "-" : c.lastError()));
        lines.add("  verified:     " + (c.verifiedAt() == null ? "never" : c.verifiedAt()));
        c.credentials().forEach((key, value) -> lines.add("  " + pad(key + ":", 14) + value));
        return lines;
    }

    /** The credential fields the connection's system declares, one line each. */
    public List<String> fieldLines(ConnectionView c) {
        List<String> lines = new ArrayList<>();
        lines.add("  fields of " + c.systemId() + ":");
        for (CredentialField f : c.fields()) {
            lines.add("    " + f.name() + (f.required() ? " (required" : " (optional")
                    + (f.secret() ? ", secret): " : "): ") + f.description());
        }
        return lines;
    }

    /** {@code FAILING} (in capitals: it needs someone), {@code unverified} or {@code ok}. */
    private static String health(ConnectionView c) {
        return c.health() == ConnectionView.Health.FAILING ? "FAILING" : c.health().label();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }
}
