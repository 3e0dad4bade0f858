package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.Output;
import io.tributary.daemon.cli.render.Renderer;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --json}, mixed into every command that prints a result: one JSON document on stdout and nothing else
 * there (the contract in {@code CLI.md}); without it, readable lines and tables.
 */
final class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    boolean enabled() {
        return json;
    }

    /** A listing: one JSON array, or a table, or when there is nothing to list {@code whenEmpty} on stderr. */
    <T> void list(Output out, List<T> items, Renderer<T> renderer, String whenEmpty) {
        if (json) {
            out.json(items.stream().map(renderer::json).toList());
        } else if (items.isEmpty()) {
            out.note(whenEmpty);
        } else {
            out.table(items, renderer);
        }
    }
}
