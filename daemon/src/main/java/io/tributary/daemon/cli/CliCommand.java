package io.tributary.daemon.cli;

import io.tributary.daemon.App;
import io.tributary.daemon.cli.render.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every command: reaches the shared {@link CliContext} through the root command. */
abstract class CliCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    CliContext cli() {
        return ((TributaryCommand) spec.root().userObject()).context();
    }

    App app() {
        return cli().app();
    }

    Output out() {
        return cli().output();
    }
}
