package io.tributary.daemon.cli;

import io.tributary.apikey.AccessType;
import io.tributary.apikey.ApiKeyView;
import io.tributary.apikey.ApiMethods;
import io.tributary.apikey.CreatedApiKey;
import io.tributary.daemon.cli.render.ValueFormats;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apikey", description = "API keys of the admin HTTP API: scoped to stores and methods, shown once at "
        + "creation, stored only as a hash. This command reaches the database directly: it is how the first key is made.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListAll.class, ApiKeyCommand.Show.class,
                ApiKeyCommand.Revoke.class, ApiKeyCommand.Activate.class, UsageHelpCommand.class})
final class ApiKeyCommand {

    @Command(name = "create", description = "Create a key and print its token (the only time it is shown).")
    static final class Create extends CliCommand {
        @Option(names = "--name", required = true, description = "What the key is for (a partner, a script).")
        String name;

        @Option(names = "--stores", split = ",", paramLabel = "S1,S2", arity = "0..*",
                description = "The store codes it reaches (default: all stores, present and future).")
        List<String> stores;

        @Option(names = "--methods", split = ",", paramLabel = "M1,M2",
                description = "The methods it may call, or blocks (connections, schedules, syncs, runs, products, "
                        + "orders, customers, routes, keys); default: every method.")
        List<String> methods;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            CreatedApiKey created = app().apiKeys().create(name, stores, methods);
            if (json.enabled()) {
                out().json(KeyViews.created(created));
                return OK;
            }
            ApiKeyView key = created.key();
            out().line("Created API key " + key.id() + " (" + key.name() + "). Its token, shown only now:");
            out().line(created.token().reveal());
            out().line("Stores: " + (key.accessType() == AccessType.ALL_STORES ? "all" : String.join(", ",
                    key.stores())) + ". Methods: " + (key.methods().equals(ApiMethods.ALL) ? "all"
                    : String.join(", ", key.methods())) + ".");
            return OK;
        }
    }

    @Command(name = "list", description = "List keys (never their tokens).")
    static final class ListAll extends CliCommand {
        @ArgGroup(exclusive = true)
        State state;

        static final class State {
            @Option(names = "--active", description = "Only active keys.")
            boolean active;

            @Option(names = "--revoked", description = "Only revoked keys.")
            boolean revoked;
        }

        @Option(names = "--access-type", paramLabel = "ALL_STORES|SELECTED_STORES", description = "Only this access.")
        AccessType accessType;

        @Option(names = "--store", paramLabel = "CODE", description = "Only keys that reach this store.")
        String store;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Boolean active = state == null ? null : state.active ? Boolean.TRUE : Boolean.FALSE;
            List<ApiKeyView> keys = app().apiKeys().list(active, accessType, store);
            if (json.enabled()) {
                out().json(keys.stream().map(KeyViews::key).toList());
                return OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ApiKeyView k : keys) {
                rows.add(java.util.Arrays.asList(Long.toString(k.id()), k.name(), k.prefix() + "…",
                        k.active() ? "active" : "revoked",
                        k.accessType() == AccessType.ALL_STORES ? "all" : String.join(",", k.stores()),
                        k.methods().equals(ApiMethods.ALL) ? "all" : String.join(",", k.methods()),
                        ValueFormats.time(k.lastUsedAt())));
            }
            out().table(List.of("ID", "NAME", "PREFIX", "STATE", "STORES", "METHODS", "LAST USED"), rows);
            return OK;
        }
    }

    @Command(name = "show", description = "Show one key (never its token).")
    static final class Show extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The key's id (apikey list shows it).")
        long id;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            ApiKeyView key = app().apiKeys().show(id);
            if (json.enabled()) {
                out().json(KeyViews.key(key));
            } else {
                KeyViews.key(key).forEach((field, value) -> out().line(field + ": " + value));
            }
            return OK;
        }
    }

    @Command(name = "revoke", description = "Revoke a key: it is refused from now on (it can be activated again).")
    static final class Revoke extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The key's id (apikey list shows it).")
        long id;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            return changed(this, json, app().apiKeys().revoke(id), "Revoked");
        }
    }

    @Command(name = "activate", description = "Activate a revoked key again.")
    static final class Activate extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The key's id (apikey list shows it).")
        long id;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            return changed(this, json, app().apiKeys().activate(id), "Activated");
        }
    }

    /** What revoke and activate print: the key as JSON, or one sentence with what was done. */
    private static Integer changed(CliCommand command, JsonOption json, ApiKeyView key, String done) {
        if (json.enabled()) {
            command.out().json(KeyViews.key(key));
        } else {
            command.out().line(done + " API key " + key.id() + " (" + key.name() + ").");
        }
        return CliCommand.OK;
    }
}
