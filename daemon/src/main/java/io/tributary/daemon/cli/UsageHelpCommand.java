package io.tributary.daemon.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help [COMMAND [SUBCOMMAND]]}, registered under the root and under every command that has subcommands, so
 * {@code tributary help connection add} and {@code tributary connection help add} both print the usage of
 * {@code connection add}. Picocli's own {@code HelpCommand} descends one level only. Never opens the database.
 */
@Command(name = "help", helpCommand = true,
        description = "Print the usage of a command, e.g. `help connection add`; without COMMAND, of this command.")
final class UsageHelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command and subcommand to describe (default: the command `help` belongs to).")
    List<String> path = new ArrayList<>();

    @Override
    public void run() {
        CommandLine target = spec.parent().commandLine();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), UsageErrors.unknownCommand(name,
                        target.getCommandSpec()));
            }
            target = next;
        }
        target.usage(spec.commandLine().getOut());
    }
}
