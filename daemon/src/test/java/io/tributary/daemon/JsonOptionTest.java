package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.daemon.cli.CliContext;
import io.tributary.daemon.cli.TributaryCommand;
import io.tributary.daemon.cli.render.Output;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** CLI.md: every listing and result takes {@code --json}; only commands that print no result go without. */
class JsonOptionTest {
    @Test
    void everyCommandThatPrintsAResultTakesJson() {
        CommandLine root = new CommandLine(new TributaryCommand(new CliContext(Map.of(),
                InputStream.nullInputStream(), new Output(System.out, System.err))));
        List<String> withJson = new ArrayList<>();
        List<String> withoutJson = new ArrayList<>();
        for (CommandLine command : leaves(root)) {
            String name = command.getCommandSpec().qualifiedName();
            (command.getCommandSpec().findOption("--json") == null ? withoutJson : withJson).add(name);
        }
        assertThat(withoutJson).containsExactlyInAnyOrder("tributary daemon", "tributary help",
                "tributary connection help", "tributary schedule help", "tributary route help",
                "tributary store help", "tributary apikey help", "tributary secrets help", "tributary customer help",
                "tributary order help");
        assertThat(withJson).containsExactlyInAnyOrder("tributary connection add", "tributary connection verify",
                "tributary connection list", "tributary connection show", "tributary connection update",
                "tributary connection enable", "tributary connection disable", "tributary connection remove",
                "tributary schedule list", "tributary schedule set", "tributary sync", "tributary reconcile",
                "tributary runs", "tributary rejects", "tributary products", "tributary orders",
                "tributary order show", "tributary order set-status",
                "tributary customers", "tributary customer show", "tributary customer unmerge",
                "tributary store set-country", "tributary route add", "tributary route list",
                "tributary route show", "tributary route remove", "tributary store add", "tributary store list",
                "tributary store rename", "tributary apikey create", "tributary apikey list", "tributary apikey show",
                "tributary apikey revoke", "tributary apikey activate", "tributary secrets init-key",
                "tributary secrets rotate-key", "tributary demo");
    }

    private static List<CommandLine> leaves(CommandLine command) {
        if (command.getSubcommands().isEmpty()) {
            return List.of(command);
        }
        List<CommandLine> leaves = new ArrayList<>();
        command.getSubcommands().values().forEach(sub -> leaves.addAll(leaves(sub)));
        return leaves;
    }
}
