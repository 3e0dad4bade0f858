package io.tributary.testing;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.ValidationProblem;
import io.tributary.spi.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connector for engine and store tests whose source is an in-memory list of records per API host: it
 * implements the SPI for real (cursor filtering, paging, failures), without HTTP.
 */
public class ScriptedConnectorProvider implements io.tributary.spi.ConnectorProvider {
    /** The source behind one host: its records per entity, page size, and a page at which reading fails. */
    public static final class Source {
        public final List<SourceRecord> products = new CopyOnWriteArrayList<>();
        public final List<SourceRecord> orders = new CopyOnWriteArrayList<>();
        public final List<SourceRecord> customers = new CopyOnWriteArrayList<>();
        public volatile int pageSize = 3;
        public volatile int failAtPage = -1;
        /** A page of the id listing (from 0) at which listing fails. */
        public volatile int failIdsAtPage = -1;
        /** Runs first in each call for a page of ids, with the page's number (from 0), on the thread listing. */
        public volatile java.util.function.IntConsumer beforeIdPage = page -> {};
        /** Runs first in each call for a page, with the page's number (from 0), on the thread reading. */
        public volatile java.util.function.IntConsumer beforePage = page -> {};
        public final List<SyncCursor> readsFrom = new CopyOnWriteArrayList<>();
    }

    private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();

    /** The same source, for a system that provides products only. */
    public static final class ProductsOnly extends ScriptedConnectorProvider {
        @Override
        public String systemId() {
            return "scripted-products";
        }

        @Override
        public String displayName() {
            return "Scripted products";
        }

        @Override
        public Set<EntityType> supportedEntities() {
            return Set.of(EntityType.PRODUCTS);
        }
    }

    /** The same source, for a system that also provides customers (whose ids it cannot list). */
    public static final class WithCustomers extends ScriptedConnectorProvider {
        @Override
        public String systemId() {
            return "scripted-customers";
        }

        @Override
        public String displayName() {
            return "Scripted customers";
        }

        @Override
        public Set<EntityType> supportedEntities() {
            return Set.of(EntityType.PRODUCTS, EntityType.ORDERS, EntityType.CUSTOMERS);
        }

        @Override
        public Set<EntityType> listableEntities() {
            return Set.of(EntityType.PRODUCTS, EntityType.ORDERS);
        }
    }

    /** The same source, for a system that cannot list ids (so cannot find deletes). */
    public static final class Unlisted extends ScriptedConnectorProvider {
        @Override
        public String systemId() {
            return "scripted-unlisted";
        }

        @Override
        public String displayName() {
            return "Scripted unlisted";
        }

        @Override
        public Set<EntityType> listableEntities() {
            return Set.of();
        }
    }

    public static Source source(String host) {
        return SOURCES.computeIfAbsent(host, h -> new Source());
    }

    @Override
    public String systemId() {
        return "scripted";
    }

    @Override
    public String displayName() {
        return "Scripted";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField(CredentialField.ACCESS_TOKEN, "Token", true, true, "the token"),
                new CredentialField(CredentialField.SECRET, "Secret", true, false, "the secret"),
                new CredentialField("mode", "Mode", false, false, "a non-secret option"));
    }

    @Override
    public Set<EntityType> supportedEntities() {
        return Set.of(EntityType.PRODUCTS, EntityType.ORDERS);
    }

    @Override
    public Set<EntityType> listableEntities() {
        return supportedEntities();
    }

    @Override
    public List<ValidationProblem> validate(ConnectionSettings settings) {
        List<ValidationProblem> problems = new ArrayList<>();
        settings.secret(CredentialField.ACCESS_TOKEN).filter(t -> t.length() < 4).ifPresent(t ->
                problems.add(new ValidationProblem(CredentialField.ACCESS_TOKEN, "Token is too short.")));
        return problems;
    }

    @Override
    public Connector open(ConnectionSettings settings, ConnectorContext context) {
        Source source = source(settings.apiUrl().getHost());
        Set<EntityType> supported = supportedEntities();
        return new Connector() {
            @Override
            public VerificationResult verify() {
                return VerificationResult.ok("Scripted source is there.", 200, 1, Map.of());
            }

            @Override
            public io.tributary.spi.IdListing listIds(EntityType entity) {
                List<String> ids = (entity == EntityType.PRODUCTS ? source.products : source.orders).stream()
                        .map(SourceRecord::externalId).toList();
                return new io.tributary.spi.IdListing() {
                    private int next;
                    private int page;

                    @Override
                    public Optional<List<String>> nextPage() {
                        source.beforeIdPage.accept(page);
                        if (page == source.failIdsAtPage) {
                            throw new ConnectorException(FailureKind.SERVER_ERROR, "The scripted source failed "
                                    + "listing ids at page " + page + ".");
                        }
                        if (next >= ids.size()) {
                            return Optional.empty();
                        }
                        List<String> chunk = ids.subList(next, Math.min(ids.size(), next + source.pageSize));
                        next += chunk.size();
                        page++;
                        return Optional.of(chunk);
                    }
                };
            }

            @Override
            public RecordStream read(EntityType entity, SyncCursor from) {
                if (!supported.contains(entity)) {
                    throw new io.tributary.spi.UnsupportedEntityException(displayName(), entity);
                }
                source.readsFrom.add(from);
                List<SourceRecord> all = (entity == EntityType.PRODUCTS ? source.products
                        : entity == EntityType.ORDERS ? source.orders : source.customers).stream()
                        .filter(r -> from.isBefore(r.modifiedAt(), r.externalId()))
                        .sorted((a, b) -> SyncCursor.of(a.modifiedAt(), a.externalId())
                                .compareTo(SyncCursor.of(b.modifiedAt(), b.externalId())))
                        .toList();
                return new RecordStream() {
                    private int next;
                    private int page;

                    @Override
                    public Optional<RecordPage> nextPage() {
                        source.beforePage.accept(page);
                        if (page == source.failAtPage) {
                            throw new ConnectorException(FailureKind.SERVER_ERROR, "The scripted source failed at "
                                    + "page " + page + " (token " + settings.secret(CredentialField.ACCESS_TOKEN)
                                    .map(io.tributary.spi.Secret::reveal).orElse("-") + ").");
                        }
                        if (next >= all.size()) {
                            return Optional.empty();
                        }
                        List<SourceRecord> records = all.subList(next, Math.min(all.size(), next + source.pageSize));
                        next += records.size();
                        page++;
                        SourceRecord last = records.get(records.size() - 1);
                        return Optional.of(new RecordPage(records, SyncCursor.of(last.modifiedAt(), last.externalId()))
                                .withProgress(new io.tributary.spi.ReadProgress(next, all.size())));
                    }
                };
            }
        };
    }
}
