package io.tributary.daemon.cli;

import io.tributary.connection.StoreView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "store", description = "Stores (a business, a brand, a sales channel): what connections belong to and "
        + "what API keys are scoped to. The store 'default' always exists.",
        subcommands = {StoreCommand.Add.class, StoreCommand.ListAll.class, StoreCommand.Rename.class,
                StoreCommand.SetCountry.class, UsageHelpCommand.class})
final class StoreCommand {

    @Command(name = "add", description = "Add a store.")
    static final class Add extends CliCommand {
        @Parameters(index = "0", paramLabel = "CODE", description = "Its code: 1-64 letters, digits, '.', '-', '_'.")
        String code;

        @Option(names = "--name", required = true, description = "Its name, as people call it.")
        String name;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            StoreView store = app().stores().add(code, name);
            if (json.enabled()) {
                out().json(KeyViews.store(store));
            } else {
                out().line("Added store " + store.code() + " (" + store.name() + "). Add connections to it with "
                        + "--store " + store.code() + ".");
            }
            return OK;
        }
    }

    @Command(name = "list", description = "List stores with their connection counts.")
    static final class ListAll extends CliCommand {
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            List<StoreView> stores = app().stores().list();
            if (json.enabled()) {
                out().json(stores.stream().map(KeyViews::store).toList());
                return OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (StoreView s : stores) {
                rows.add(List.of(s.code(), s.name(), Long.toString(s.connections()),
                        s.country() == null ? "-" : s.country(), s.createdAt().toString()));
            }
            out().table(List.of("CODE", "NAME", "CONNECTIONS", "COUNTRY", "CREATED"), rows);
            return OK;
        }
    }

    @Command(name = "set-country", description = "Set the country whose phone formats the store's orders use: "
            + "customers are matched by phone in E.164, and a number without its +country code is read as this "
            + "country's (030 1234567 in DE is +49301234567).")
    static final class SetCountry extends CliCommand {
        @Parameters(index = "0", paramLabel = "CODE", description = "The code of the store.")
        String code;

        @Parameters(index = "1", paramLabel = "COUNTRY", description = "An ISO 3166 two-letter country code (DE, FR, "
                + "GB, ...), or none to clear it (then only numbers with their +country code are matched).")
        String country;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            StoreView store = app().stores().setCountry(code, country);
            if (json.enabled()) {
                out().json(KeyViews.store(store));
            } else {
                out().line(store.country() == null ? "Store " + store.code() + " has no country: only phone numbers "
                        + "with their +country code match customers."
                        : "Store " + store.code() + " reads phone numbers as " + store.country() + " numbers.");
            }
            return OK;
        }
    }

    @Command(name = "rename", description = "Give a store a new name (its code stays).")
    static final class Rename extends CliCommand {
        @Parameters(index = "0", paramLabel = "CODE", description = "The code of the store to rename.")
        String code;

        @Option(names = "--name", required = true, description = "The new name.")
        String name;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            StoreView store = app().stores().rename(code, name);
            if (json.enabled()) {
                out().json(KeyViews.store(store));
            } else {
                out().line("Store " + store.code() + " is now named " + store.name() + ".");
            }
            return OK;
        }
    }
}
