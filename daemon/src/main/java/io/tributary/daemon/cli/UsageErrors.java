package io.tributary.daemon.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns picocli's parse errors into one sentence each. Picocli checks required options before it complains about
 * unknown ones, so {@code --sytem} would read as a missing {@code --system}: an unknown option is named first, with
 * the closest option of the command as a suggestion.
 */
public final class UsageErrors {
    private UsageErrors() {}

    public static String sentence(CommandLine.ParameterException exception) {
        CommandLine commandLine = exception.getCommandLine();
        CommandSpec spec = commandLine.getCommandSpec();
        List<String> unmatched = commandLine.getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            String first = unmatched.get(0);
            if (first.startsWith("-")) {
                return unknownOption(first, spec);
            }
            if (!spec.subcommands().isEmpty()) {
                return unknownCommand(first, spec);
            }
            return "Unexpected argument '" + first + "' for `" + spec.qualifiedName() + "`; see `"
                    + spec.qualifiedName() + " --help`.";
        }
        if (!spec.subcommands().isEmpty() && String.valueOf(exception.getMessage())
                .startsWith("Missing required subcommand")) {
            return "`" + spec.qualifiedName() + "` needs a command: "
                    + String.join(", ", spec.subcommands().keySet()) + ".";
        }
        String message = exception.getMessage() == null ? "Bad usage." : exception.getMessage();
        // picocli's own wording: "Value for option option '--credential' (KEY=VALUE) should be ..."
        return message.replace("option option ", "option ");
    }

    static String unknownOption(String argument, CommandSpec spec) {
        String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            names.addAll(List.of(option.names()));
        }
        return "Unknown option '" + name + "'" + suggestion(name, names).map(s -> " (did you mean " + s + "?)")
                .orElse(" for `" + spec.qualifiedName() + "`; see `" + spec.qualifiedName() + " --help`") + ".";
    }

    static String unknownCommand(String argument, CommandSpec spec) {
        Collection<String> names = spec.subcommands().keySet();
        return "Unknown command '" + argument + "'" + suggestion(argument, names)
                .map(s -> " (did you mean " + spec.qualifiedName() + " " + s + "?)")
                .orElse("; the commands of `" + spec.qualifiedName() + "` are " + String.join(", ", names)) + ".";
    }

    /** The closest name, when it is close enough to be what was meant. */
    public static Optional<String> suggestion(String typed, Collection<String> names) {
        return names.stream()
                .filter(name -> distance(typed, name) <= Math.max(2, name.length() / 4))
                .min(Comparator.comparingInt(name -> distance(typed, name)));
    }

    /** Levenshtein distance, with a swap of two neighbouring characters counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
