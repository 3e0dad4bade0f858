package io.tributary.daemon;

import io.tributary.daemon.cli.UsageErrors;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Tributary's settings as one map of {@code TRIBUTARY_*} names: {@code tributary.toml} or
 * {@code tributary.properties} in {@code /etc/tributary} (or {@code TRIBUTARY_CONFIG_DIR}), then the same in the
 * data folder, then the environment over both (and options over all of it, applied by the commands). A file's key
 * is the variable's name without {@code TRIBUTARY_}, in lower case ({@code lease = "PT90S"}); an unknown key is
 * refused with one sentence naming the file.
 */
public final class Settings {
    public static final String CONFIG_DIR = "TRIBUTARY_CONFIG_DIR";
    static final List<String> FILE_NAMES = List.of("tributary.toml", "tributary.properties");
    /** Every setting a file may hold, as its key there. */
    static final List<String> KEYS = List.of("home", "db_url", "db_user", "db_password", "master_key",
            "master_key_file", "sync_lookback", "zone", "scheduler_threads", "lease", "failing_after", "stop_timeout",
            "http_rate", "log_level", "log_format", "ca_file", "route_claim");

    private Settings() {}

    /** The environment with the configuration files' settings beneath it. */
    public static Map<String, String> effective(Map<String, String> environment, Path currentDirectory) {
        Map<String, String> fromFiles = new LinkedHashMap<>();
        Path system = Path.of(environment.getOrDefault(CONFIG_DIR, "/etc/tributary"));
        readFolder(system, fromFiles);
        // the data folder may itself be named in /etc/tributary's file
        Path home = DataHome.resolve(overlay(fromFiles, environment), currentDirectory).path();
        if (!home.equals(system.toAbsolutePath().normalize())) {
            readFolder(home, fromFiles);
        }
        return overlay(fromFiles, environment);
    }

    private static Map<String, String> overlay(Map<String, String> below, Map<String, String> above) {
        Map<String, String> merged = new HashMap<>(below);
        above.forEach((name, value) -> {
            if (value != null) {
                merged.put(name, value);
            }
        });
        return merged;
    }

    private static void readFolder(Path folder, Map<String, String> into) {
        for (String name : FILE_NAMES) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                Map<String, String> read = name.endsWith(".toml") ? toml(file) : properties(file);
                read.forEach((key, value) -> into.put("TRIBUTARY_" + checkedKey(key, file).toUpperCase(Locale.ROOT),
                        value));
            }
        }
    }

    private static String checkedKey(String key, Path file) {
        String normal = key.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        if (!KEYS.contains(normal)) {
            throw new IllegalArgumentException("Unknown setting '" + key.strip() + "' in " + file
                    + UsageErrors.suggestion(normal, KEYS).map(s -> " (did you mean " + s + "?)")
                            .orElse("; the settings are " + String.join(", ", KEYS)) + ".");
        }
        return normal;
    }

    static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("The configuration file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).strip()));
        return values;
    }

    /** The part of TOML a flat settings file needs: {@code key = "string"}, {@code 'literal'} or a bare number. */
    static Map<String, String> toml(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The configuration file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of " + file + " is not `key = value`: "
                        + line);
            }
            values.put(line.substring(0, equals).strip(), tomlValue(line.substring(equals + 1).strip(), file, i + 1));
        }
        return values;
    }

    private static String tomlValue(String text, Path file, int line) {
        if (text.startsWith("\"")) {
            StringBuilder value = new StringBuilder();
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    value.append(text.charAt(++i));
                } else if (c == '"') {
                    return trailing(value.toString(), text.substring(i + 1), file, line);
                } else {
                    value.append(c);
                }
            }
        } else if (text.startsWith("'")) {
            int end = text.indexOf('\'', 1);
            if (end > 0) {
                return trailing(text.substring(1, end), text.substring(end + 1), file, line);
            }
        } else {
            String bare = text.contains("#") ? text.substring(0, text.indexOf('#')).strip() : text;
            if (bare.matches("[-+]?[0-9][0-9_]*")) {
                return bare.replace("_", "");
            }
        }
        throw new IllegalArgumentException("Line " + line + " of " + file + " has a value that is neither a quoted "
                + "string nor a whole number: " + text);
    }

    private static String trailing(String value, String rest, Path file, int line) {
        String after = rest.strip();
        if (!after.isEmpty() && !after.startsWith("#")) {
            throw new IllegalArgumentException("Line " + line + " of " + file + " has text after its value: " + after);
        }
        return value;
    }
}
