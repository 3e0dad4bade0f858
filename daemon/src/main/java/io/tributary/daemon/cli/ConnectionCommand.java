package io.tributary.daemon.cli;

import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionView;
import io.tributary.daemon.cli.render.ConnectionRenderer;
import io.tributary.daemon.cli.render.RemovalRenderer;
import io.tributary.daemon.cli.render.VerificationRenderer;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.VerificationResult;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "connection", description = "Register, verify, change and remove connections to external systems.",
        subcommands = {ConnectionCommand.Add.class, ConnectionCommand.Verify.class, ConnectionCommand.ListAll.class,
                ConnectionCommand.Show.class, ConnectionCommand.Update.class, ConnectionCommand.Enable.class,
                ConnectionCommand.Disable.class, ConnectionCommand.Remove.class, UsageHelpCommand.class})
final class ConnectionCommand {

    /** A connection after a change or on request: its JSON (with fields), or a headline and its details. */
    static void print(CliCommand command, ConnectionView view, JsonOption json, String headline) {
        ConnectionRenderer renderer = new ConnectionRenderer();
        if (json.enabled()) {
            command.out().json(renderer.jsonWithFields(view));
            return;
        }
        if (headline != null) {
            command.out().line(headline);
        }
        renderer.detailLines(view).forEach(command.out()::line);
    }

    @Command(name = "add", description = "Add a connection (validated offline; verify it with `connection verify ID`).")
    static final class Add extends CliCommand {
        @Option(names = "--system", required = true, paramLabel = "SYSTEM",
                description = "The system: woocommerce, magento, coopcycle or shopify.")
        String system;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "A name for people, unique within its store.")
        String name;

        @Option(names = "--url", required = true, paramLabel = "API_URL", description = "The system's API URL.")
        String url;

        @Option(names = "--store", paramLabel = "STORE",
                description = "The business (store code) the connection belongs to (default: default).")
        String store;

        @Mixin
        CredentialOptions credentials;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            ConnectionView added = app().connections().add(new ConnectionDraft(system, name, url, store,
                    credentials.resolve(cli())));
            print(this, added, json, "Added connection " + added.id() + " (" + added.name() + "). Check it with: "
                    + "tributary connection verify " + added.id());
            return OK;
        }
    }

    @Command(name = "verify", description = "Check a connection online: stored (by ID) or before saving it "
            + "(--system, --url and credentials). Exit 0 when it works, 1 when it does not.")
    static final class Verify extends CliCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A stored connection's id.")
        Long id;

        @Option(names = "--system", paramLabel = "SYSTEM",
                description = "The system (woocommerce, magento, coopcycle), to verify unsaved settings.")
        String system;

        @Option(names = "--url", paramLabel = "API_URL", description = "The API URL, to verify unsaved settings.")
        String url;

        @Mixin
        CredentialOptions credentials;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            ConnectionSettings settings;
            if (id != null) {
                if (system != null || url != null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "Give either a connection ID or --system and --url, not both.");
                }
                settings = app().connections().settings(id);
            } else {
                if (system == null || url == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "Give a connection ID, or --system and --url (with credentials) to verify before saving.");
                }
                settings = app().connections().prepare(new ConnectionDraft(system, "unsaved", url, null,
                        credentials.resolve(cli())));
            }
            VerificationResult result = app().verifier().verify(settings);
            if (id != null) {
                app().connections().recordVerification(id, result.ok());
            }
            VerificationRenderer renderer = new VerificationRenderer();
            if (json.enabled()) {
                out().json(renderer.json(result));
            } else {
                renderer.lines(result).forEach(out()::line);
            }
            return result.ok() ? OK : FAILED;
        }
    }

    @Command(name = "list", description = "List connections.")
    static final class ListAll extends CliCommand {
        @Option(names = "--system", paramLabel = "SYSTEM", description = "Only this system (default: all).")
        String system;

        @Option(names = "--store", paramLabel = "STORE", description = "Only this store (code; default: all).")
        String store;

        @ArgGroup(exclusive = true)
        EnabledFilter enabled;

        static final class EnabledFilter {
            @Option(names = "--enabled", description = "Only enabled connections.")
            boolean enabled;

            @Option(names = "--disabled", description = "Only disabled connections.")
            boolean disabled;
        }

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Boolean filter = enabled == null ? null : enabled.enabled;
            List<ConnectionView> views = app().connections().list(system, store, filter);
            json.list(out(), views, new ConnectionRenderer(), "No connections. Add one with: tributary connection add "
                    + "--system woocommerce --name NAME --url URL --access-token ck_... --secret cs_...");
            return OK;
        }
    }

    @Command(name = "show", description = "Show one connection, its credentials masked, and the fields its system takes.")
    static final class Show extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The connection's id.")
        long id;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            ConnectionView view = app().connections().show(id);
            print(this, view, json, null);
            if (!json.enabled()) {
                new ConnectionRenderer().fieldLines(view).forEach(out()::line);
            }
            return OK;
        }
    }

    @Command(name = "update", description = "Change a connection; credentials given are merged into the stored "
            + "ones (an empty value removes one). Validated as a whole before saving.")
    static final class Update extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The connection's id.")
        long id;

        @Option(names = "--system", paramLabel = "SYSTEM", description = "Must match the connection's system if given.")
        String system;

        @Option(names = "--name", paramLabel = "NAME", description = "A new name.")
        String name;

        @Option(names = "--url", paramLabel = "API_URL", description = "A new API URL.")
        String url;

        @Option(names = "--store", paramLabel = "STORE", description = "Move it to this store (code).")
        String store;

        @Mixin
        CredentialOptions credentials;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Map<String, String> given = credentials.resolve(cli());
            ConnectionView view = app().connections().update(id, new ConnectionDraft(system, name, url, store, given));
            print(this, view, json, "Updated connection " + view.id() + ".");
            return OK;
        }
    }

    /** Enable and disable: the same command but for the flag they set. */
    abstract static class Toggle extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The connection's id.")
        long id;

        @Mixin
        JsonOption json;

        abstract boolean enabled();

        @Override
        public Integer call() {
            print(this, app().connections().setEnabled(id, enabled()), json,
                    (enabled() ? "Enabled" : "Disabled") + " connection " + id + ".");
            return OK;
        }
    }

    @Command(name = "enable", description = "Enable a connection (its syncs may run).")
    static final class Enable extends Toggle {
        @Override
        boolean enabled() {
            return true;
        }
    }

    @Command(name = "disable", description = "Disable a connection (its syncs are refused until it is enabled).")
    static final class Disable extends Toggle {
        @Override
        boolean enabled() {
            return false;
        }
    }

    @Command(name = "remove", description = "Remove a connection with its credentials, schedules, cursors, runs "
            + "and routes, and every stored product and order of it. Asks for confirmation on a terminal; elsewhere "
            + "--yes is required. With --keep-records the products and orders stay (no confirmation needed).")
    static final class Remove extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The connection's id.")
        long id;

        @Option(names = "--yes", description = "Remove without asking (required when not on a terminal, unless "
                + "--keep-records).")
        boolean yes;

        @Option(names = "--keep-records", description = "Keep its stored products and orders: they stay under its id "
                + "and store (products/orders --connection ID still list them, store-scoped API keys still see them) "
                + "while the connection leaves every other listing and its name is free; removing the ID again with "
                + "--yes deletes them. Default: delete them with the connection.")
        boolean keepRecords;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            app().connections().requireRecordsOwner(id);
            long products = app().records().count("product", id);
            long orders = app().records().count("orders", id);
            String records = ListingOptions.count(products) + " stored products and " + ListingOptions.count(orders)
                    + " orders";
            String name = app().connections().list(null, null, null).stream().filter(c -> c.id() == id)
                    .map(c -> " (" + c.name() + ")").findFirst().orElse(" (removed before, keeping its records)");
            if (keepRecords) {
                app().connections().remove(id, true);
                if (json.enabled()) {
                    out().json(new RemovalRenderer().json(id, true));
                } else {
                    out().line("Removed connection " + id + name + "; its " + records + " are kept "
                            + "(tributary products --connection " + id + ").");
                }
                return OK;
            }
            String what = "connection " + id + name + " with its " + records;
            if (!yes) {
                java.io.Console console = System.console();
                if (!Terminals.canAsk() || json.enabled()) {
                    throw new IllegalArgumentException("Removing " + what + " cannot be undone: add --yes to "
                            + "confirm.");
                }
                String answer = console.readLine("Remove %s? This cannot be undone. [y/N] ", what);
                if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).matches("y|yes")) {
                    out().note("Nothing removed.");
                    return FAILED;
                }
            }
            app().connections().remove(id, false);
            if (json.enabled()) {
                out().json(new RemovalRenderer().json(id, false));
            } else {
                out().line("Removed " + what + ".");
            }
            return OK;
        }
    }
}
