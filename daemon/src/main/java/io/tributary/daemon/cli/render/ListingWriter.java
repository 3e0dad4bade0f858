package io.tributary.daemon.cli.render;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a listing as it is read, record by record: a table for people (at most {@code --limit} rows, collected to
 * align the columns), or for programs one JSON array, one JSON object per line (NDJSON) or CSV — these stream, so a
 * catalogue of any size is exported in constant memory. Values as the CLI contract writes them everywhere: money
 * as decimal text, times in UTC ISO 8601.
 *
 * @param <T> what is listed
 */
public final class ListingWriter<T> implements AutoCloseable {
    /** How a listing is written. */
    public enum Format {
        TABLE, JSON, NDJSON, CSV;

        /** The format named on the command line ({@code table}, {@code json}, {@code ndjson}, {@code csv}). */
        public static Format parse(String name) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name.trim())) {
                    return format;
                }
            }
            throw new IllegalArgumentException("Unknown --format '" + name + "': use table, json, ndjson or csv.");
        }

        /** Whether it lists every record unless told otherwise (the formats for programs). */
        public boolean streams() {
            return this != TABLE;
        }
    }

    private static final ObjectMapper COMPACT = JsonMapper.builder().build();
    private static final ObjectMapper PRETTY = JsonMapper.builder().build();

    private final Format format;
    private final Output out;
    private final Renderer<T> renderer;
    private final Function<Map<String, Object>, Map<String, Object>> flat;
    private final List<T> table = new ArrayList<>();
    private SequenceWriter sequence;
    private long written;

    /**
     * @param flat turns a record's JSON into one row of plain values for CSV (an order's lines become their count)
     */
    public ListingWriter(Format format, Output out, Renderer<T> renderer,
            Function<Map<String, Object>, Map<String, Object>> flat) {
        this.format = requireNonNull(format, "format is null");
        this.out = requireNonNull(out, "out is null");
        this.renderer = requireNonNull(renderer, "renderer is null");
        this.flat = requireNonNull(flat, "flat is null");
    }

    public void write(T item) {
        written++;
        try {
            switch (format) {
                case TABLE -> table.add(item);
                case NDJSON -> {
                    out.stdout().print(COMPACT.writeValueAsString(renderer.json(item)));
                    out.stdout().print('\n');
                }
                case JSON -> {
                    if (sequence == null) {
                        sequence = PRETTY.writerWithDefaultPrettyPrinter().writeValuesAsArray(out.stdout());
                    }
                    sequence.write(renderer.json(item));
                }
                case CSV -> {
                    Map<String, Object> row = flat.apply(renderer.json(item));
                    if (sequence == null) {
                        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                        row.keySet().forEach(schema::addColumn);
                        sequence = new CsvMapper().writer(schema.build()).writeValues(out.stdout());
                    }
                    sequence.write(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the listing failed: " + e.getMessage(), e);
        }
    }

    /** How many records were written so far. */
    public long written() {
        return written;
    }

    /** Ends the listing: the table printed, the JSON array closed ({@code []} when nothing was listed). */
    @Override
    public void close() {
        try {
            if (format == Format.TABLE) {
                out.table(table, renderer);
            } else if (sequence != null) {
                sequence.close();
                if (format == Format.JSON) {
                    out.stdout().print('\n');
                }
            } else if (format == Format.JSON) {
                out.json(List.of());
            }
            out.stdout().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the listing failed: " + e.getMessage(), e);
        }
    }

    /** A record's JSON as one CSV row: nested lists replaced by their size under {@code <name>Count}. */
    public static Map<String, Object> flattened(Map<String, Object> json) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        json.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                row.put(key + "Count", list.size());
            } else {
                row.put(key, value);
            }
        });
        return row;
    }
}
