package io.tributary.daemon.cli;

import static java.util.Objects.requireNonNull;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

// scope INHERIT: every subcommand gets -h/--help (and the footer), so help never trips over required options
@Command(name = "tributary", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = TributaryCommand.Version.class,
        description = "Sync products and orders from shops (WooCommerce, Magento, CoopCycle, ...) into one central "
                + "database. Every command takes -h/--help; `tributary help COMMAND [SUBCOMMAND]` says the same.",
        subcommands = {ConnectionCommand.class, ScheduleCommand.class, SyncCommand.class, ReconcileCommand.class,
                DaemonCommand.class, RunsCommand.class, RejectsCommand.class, ProductsCommand.class,
                OrdersCommand.class, OrderCommand.class, CustomersCommand.class, CustomerCommand.class,
                RouteCommand.class,
                StoreCommand.class, ApiKeyCommand.class, SecretsCommand.class, DemoCommand.class,
                UsageHelpCommand.class},
        footer = {"", "Database: --db-url or TRIBUTARY_DB_URL (MariaDB), else embedded H2 in TRIBUTARY_HOME (default: "
                + "$XDG_DATA_HOME/tributary, else ~/.local/share/tributary).",
                "Exit codes: 0 success, 1 operation failed, 2 bad usage or input, 3 database unreachable."})
public final class TributaryCommand {
    private final CliContext context;

    public TributaryCommand(CliContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    CliContext context() {
        return context;
    }

    @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "The central database, e.g. jdbc:mariadb://127.0.0.1:3306/tributary (default: "
                    + "TRIBUTARY_DB_URL, else embedded H2).")
    void dbUrl(String url) {
        context.dbUrl(url);
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TributaryCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tributary " + (version == null ? "development build" : version)};
        }
    }
}
