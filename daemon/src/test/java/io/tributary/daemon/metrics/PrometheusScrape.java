package io.tributary.daemon.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code GET /metrics} read back: each sample's name, labels and value. */
public final class PrometheusScrape {
    /** One line {@code name{label="value",...} 1.0}. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;
    private final List<Sample> samples = new ArrayList<>();

    public PrometheusScrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
    }

    public String text() {
        return text;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples called {@code name} with at least the given labels ({@code "system=woocommerce"}, ...). */
    public List<Sample> find(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String label : labels) {
            String[] parts = label.split("=", 2);
            wanted.put(parts[0], parts[1]);
        }
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }

    /** The sum of the samples {@link #find} finds; 0 when there is none. */
    public double sum(String name, String... labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    @Override
    public String toString() {
        return text;
    }
}
