package io.tributary.daemon.cli;

import io.tributary.connection.StoredConnection;
import io.tributary.daemon.cli.render.SyncRunRenderer;
import io.tributary.run.SyncRun;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.EntityType;
import io.tributary.store.InvalidInputException;
import io.tributary.sync.EngineStoppingException;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reconcile", description = "Find records deleted at the source: list the ids the shop still has "
        + "(only ids, page by page) and mark the stored records it no longer lists as deleted (kept, with deletedAt; "
        + "WooCommerce's trash counts as deleted); records listed again are revived. A listing that fails marks "
        + "nothing. Each entity is one run, as 'runs' shows. Exit 0 when every run succeeded, 1 when one failed.")
final class ReconcileCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The connection's id.")
    long id;

    @Option(names = "--entity", paramLabel = "products|orders", converter = EntityConverter.class,
            description = "What to reconcile: products (variations included) or orders (default: every entity the "
                    + "connection provides and whose ids its system can list).")
    EntityType entity;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        List<EntityType> entities = entities();
        List<SyncService.Result> results = new ArrayList<>();
        try (SyncInterrupts interrupts = SyncInterrupts.install(app().engine(), out())) {
            for (EntityType each : entities) {
                try {
                    results.add(app().syncs().reconcile(new SyncRequest(id, each, SyncRun.Trigger.MANUAL, false)));
                } catch (EngineStoppingException beforeStart) {
                    break;
                }
            }
            if (interrupts.exitCode() != 0) {
                print(results);
                return interrupts.exitCode();
            }
        }
        print(results);
        return results.stream().allMatch(SyncService.Result::succeeded) ? OK : FAILED;
    }

    /** The entities asked for, each checked before any run starts (exit 2 for one that cannot be reconciled). */
    private List<EntityType> entities() {
        if (entity != null) {
            app().engine().checkReconcilable(new SyncRequest(id, entity, SyncRun.Trigger.MANUAL, false));
            return List.of(entity);
        }
        StoredConnection connection = app().connections().find(id);
        ConnectorProvider provider = app().registry().require(connection.systemId());
        List<EntityType> listable = new ArrayList<>();
        for (EntityType each : EntityType.values()) {
            if (provider.supportedEntities().contains(each) && provider.listableEntities().contains(each)) {
                listable.add(each);
            }
        }
        if (listable.isEmpty()) {
            EntityType first = provider.supportedEntities().stream().sorted().findFirst().orElse(EntityType.PRODUCTS);
            throw new InvalidInputException("entity", provider.whyNotListable(first));
        }
        listable.forEach(each -> app().engine().checkReconcilable(new SyncRequest(id, each, SyncRun.Trigger.MANUAL,
                false)));
        return listable;
    }

    private void print(List<SyncService.Result> results) {
        SyncRunRenderer renderer = new SyncRunRenderer();
        if (json.enabled()) {
            out().json(results.stream().map(renderer::json).toList());
        } else {
            results.forEach(result -> {
                out().line(renderer.summary(result.run()));
                renderer.detailLines(result, "").forEach(out()::line);
            });
        }
    }
}
