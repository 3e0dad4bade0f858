package io.tributary.daemon;

import io.tributary.daemon.cli.CliContext;
import io.tributary.daemon.cli.TributaryCommand;
import io.tributary.daemon.cli.UsageErrors;
import io.tributary.daemon.cli.render.ErrorRenderer;
import io.tributary.daemon.cli.render.Output;
import io.tributary.secret.SecretsException;
import io.tributary.spi.ValidationProblem;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.store.StoreException;
import io.tributary.store.StoreUnavailableException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The {@code tributary} command. Exit codes (a contract): 0 success; 1 the operation failed; 2 bad usage or bad
 * input (unknown id, malformed URL, missing field, a master key that does not fit); 3 the database is unreachable.
 */
public final class Main {
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int STORE_UNREACHABLE = 3;
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.in, System.out, System.err));
    }

    /** Runs one command line with the given environment and streams; returns the exit code. */
    public static int execute(String[] args, Map<String, String> environment, InputStream in, PrintStream out,
            PrintStream err) {
        Output output = new Output(out, err);
        try (CliContext context = new CliContext(environment, in, output)) {
            CommandLine commandLine = new CommandLine(new TributaryCommand(context));
            commandLine.setOut(new java.io.PrintWriter(out, true));
            commandLine.setErr(new java.io.PrintWriter(err, true));
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            commandLine.setExecutionExceptionHandler((exception, line, parseResult) ->
                    fail(exception, output, wantsJson(parseResult)));
            commandLine.setParameterExceptionHandler((exception, arguments) -> fail(
                    new CommandLine.ParameterException(exception.getCommandLine(), UsageErrors.sentence(exception)),
                    output, java.util.Arrays.asList(arguments).contains("--json")));
            return commandLine.execute(args);
        } catch (RuntimeException closing) {
            return fail(closing, output, false);
        }
    }

    private static boolean wantsJson(CommandLine.ParseResult parseResult) {
        return parseResult.expandedArgs().contains("--json");
    }

    /** Prints one readable sentence (and, with --json, an error document) and picks the exit code. */
    static int fail(Exception exception, Output output, boolean json) {
        int code = exitCode(exception);
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        List<ValidationProblem> problems = exception instanceof InvalidInputException invalid
                ? invalid.problems() : List.of();
        ErrorRenderer renderer = new ErrorRenderer();
        renderer.lines(message, problems).forEach(output::note);
        if (code == FAILED && !(exception instanceof IllegalStateException)) {
            log.debug("command failed", exception);
        }
        if (json) {
            output.json(renderer.json(message, code, problems));
        }
        return code;
    }

    static int exitCode(Throwable exception) {
        if (exception instanceof CommandLine.IExitCodeGenerator generator) {
            return generator.getExitCode();
        }
        if (exception instanceof StoreUnavailableException || exception instanceof StoreException) {
            return STORE_UNREACHABLE;
        }
        if (exception instanceof io.tributary.run.SyncInProgressException) {
            return FAILED;
        }
        if (exception instanceof InvalidInputException || exception instanceof NotFoundException
                || exception instanceof SecretsException || exception instanceof IllegalArgumentException
                || exception instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        return FAILED;
    }
}
