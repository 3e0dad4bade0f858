package io.tributary.daemon.cli;

import static java.util.Objects.requireNonNull;

import io.tributary.daemon.App;
import io.tributary.daemon.DaemonConfig;
import io.tributary.daemon.cli.render.Output;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What every command shares: the environment, the streams, and the app, opened on first use. */
public final class CliContext implements AutoCloseable {
    private final Map<String, String> environment;
    private final InputStream in;
    private final Output output;
    private String dbUrl;
    private App app;
    private BufferedReader stdinLines;

    public CliContext(Map<String, String> environment, InputStream in, Output output) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.in = requireNonNull(in, "in is null");
        this.output = requireNonNull(output, "output is null");
    }

    public Output output() {
        return output;
    }

    public Map<String, String> environment() {
        return environment;
    }

    void dbUrl(String url) {
        this.dbUrl = url;
    }

    public synchronized App app() {
        return app(java.util.function.UnaryOperator.identity());
    }

    /** The app, built (on first use) from the configuration as {@code adjust} changes it. */
    synchronized App app(java.util.function.UnaryOperator<DaemonConfig> adjust) {
        if (app == null) {
            app = new App(adjust.apply(DaemonConfig.from(io.tributary.daemon.Settings.effective(environment,
                    java.nio.file.Path.of("").toAbsolutePath()), dbUrl)), output.err());
        }
        return app;
    }

    /** One line of standard input, for credentials given as {@code -} so they stay out of the process list. */
    synchronized String readStdinLine(String what) {
        try {
            if (stdinLines == null) {
                stdinLines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            String line = stdinLines.readLine();
            if (line == null) {
                throw new IllegalArgumentException("The " + what + " was to be read from standard input, which is empty.");
            }
            return line.strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("The " + what + " could not be read from standard input.", e);
        }
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.close();
        }
    }
}
