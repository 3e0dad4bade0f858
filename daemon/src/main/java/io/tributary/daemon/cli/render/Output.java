package io.tributary.daemon.cli.render;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's output goes: results on stdout (one JSON document with {@code --json}, otherwise readable
 * lines and tables), everything else (notices, progress, errors) on stderr.
 */
public final class Output {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final PrintStream out;
    private final PrintStream err;

    public Output(PrintStream out, PrintStream err) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    public PrintStream err() {
        return err;
    }

    /** stdout itself, for a listing streamed record by record ({@link ListingWriter}). */
    public PrintStream stdout() {
        return out;
    }

    public void json(Object document) {
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("output is always serializable", e);
        }
        out.flush();
    }

    public void line(String text) {
        out.println(text);
    }

    public void note(String text) {
        err.println(text);
        err.flush();
    }

    /** The items as a table, one row each, with the renderer's header row; nothing when there are none. */
    public <T> void table(List<T> items, Renderer<T> renderer) {
        table(renderer.headers(), items.stream().map(renderer::row).toList());
    }

    /** A table with a header row; columns padded to their widest cell, the last column left ragged. */
    public void table(List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        int[] widths = new int[headers.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], cell(row.get(i)).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String text = cell(row.get(i));
                line.append(i == row.size() - 1 ? text : pad(text, widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String cell(String text) {
        return text == null ? "-" : text;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
