package io.tributary.connection;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.http.Json;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.CredentialField;
import io.tributary.spi.Secret;
import io.tributary.spi.ValidationProblem;
import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.store.StoreException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * Registers, changes and removes connections. Validates offline with the connector's own rules before
 * anything is saved; stores secret credential values only sealed by the {@link SecretCipher}, bound to the
 * connection's row.
 */
public final class ConnectionService {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private final CentralStore store;
    private final ConnectorRegistry registry;
    private final SecretCipher cipher;
    private final Clock clock;
    private final ConnectionAddedHook onAdded;
    private final ObjectMapper json = Json.mapper();

    /** @param onAdded work done in the transaction that adds a connection (its default schedules) */
    public ConnectionService(CentralStore store, ConnectorRegistry registry, SecretCipher cipher, Clock clock,
            ConnectionAddedHook onAdded) {
        this.store = requireNonNull(store, "store is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.onAdded = requireNonNull(onAdded, "onAdded is null");
    }

    /**
     * Checks a draft offline and turns it into settings (connection id 0) without saving anything.
     *
     * @throws InvalidInputException listing every problem
     */
    public ConnectionSettings prepare(ConnectionDraft draft) {
        return prepare(draft, null);
    }

    /** @param storedUrl the URL already saved, used when the draft gives none (an update that keeps it) */
    private ConnectionSettings prepare(ConnectionDraft draft, URI storedUrl) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (draft.systemId() == null || draft.systemId().isBlank()) {
            throw new InvalidInputException("system", "The system is required (one of: " + systemIds() + ").");
        }
        ConnectorProvider provider = registry.find(draft.systemId()).orElseThrow(() -> new InvalidInputException(
                "system", "Unknown system '" + draft.systemId() + "'; known systems: " + systemIds() + "."));
        String name = draft.name() == null ? "" : draft.name().trim();
        if (name.isEmpty()) {
            problems.add(new ValidationProblem("name", "The connection name is required."));
        } else if (name.length() > 200) {
            problems.add(new ValidationProblem("name", "The connection name is longer than 200 characters."));
        }
        List<ValidationProblem> urlProblems = new ArrayList<>();
        URI url = draft.url() == null && storedUrl != null ? storedUrl
                : ConnectionChecks.parseUrl(draft.url(), urlProblems);
        ConnectionSettings settings = toSettings(0, name.isEmpty() ? "unnamed" : name, provider, url,
                draft.credentials());
        problems.addAll(ConnectionChecks.check(provider, settings, urlProblems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return settings;
    }

    private static ConnectionSettings toSettings(long id, String name, ConnectorProvider provider, URI url,
            Map<String, String> credentials) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        credentials.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            boolean secret = provider.field(key).map(CredentialField::secret).orElse(true);
            if (secret) {
                secrets.put(key, Secret.of(value));
            } else {
                options.put(key, value);
            }
        });
        return new ConnectionSettings(id, name, provider.systemId(), url, options, secrets);
    }

    /** Validates and saves a new connection, enabled, with its default schedules (inactive). */
    public ConnectionView add(ConnectionDraft draft) {
        ConnectionSettings settings = prepare(draft);
        String storeCode = storeCodeOf(draft.storeCode());
        return store.inTransaction(session -> {
            Store owner = findOrCreateStore(session, storeCode);
            requireFreeName(session, owner, settings.name(), null);
            StoredConnection connection = new StoredConnection(owner, settings.systemId(), settings.name(),
                    settings.apiUrl(), clock.instant());
            session.persist(connection);
            session.flush(); // the row id binds the sealed secrets to this row
            seal(connection, settings.options(), settings.secrets());
            onAdded.added(session, connection, registry.require(settings.systemId()));
            return view(connection);
        });
    }

    /**
     * Changes what the draft gives (name, URL, store, credentials — merged into the stored ones; an empty
     * value removes a credential) and validates the result as a whole before saving it.
     */
    public ConnectionView update(long id, ConnectionDraft change) {
        return store.inTransaction(session -> {
            StoredConnection connection = require(session, id);
            ConnectionDraft merged = merge(connection, change);
            ConnectionSettings settings = prepare(merged, connection.apiUrl());
            if (!settings.apiUrl().equals(connection.apiUrl()) || !change.credentials().isEmpty()) {
                connection.verified(null); // what proved to work is not what is saved now
            }
            Store owner = findOrCreateStore(session, storeCodeOf(merged.storeCode()));
            requireFreeName(session, owner, settings.name(), connection.id());
            connection.rename(settings.name());
            connection.moveTo(owner);
            connection.pointAt(settings.apiUrl());
            seal(connection, settings.options(), settings.secrets());
            connection.touch(clock.instant());
            return view(connection);
        });
    }

    /**
     * The settings a saved connection would have with {@code change} applied as {@link #update} applies it,
     * checked offline but not saved: what "verify before saving" verifies when an admin edits a connection.
     */
    public ConnectionSettings preview(long id, ConnectionDraft change) {
        return store.inTransaction(session -> {
            StoredConnection connection = require(session, id);
            return prepare(merge(connection, change), connection.apiUrl());
        });
    }

    /** The saved connection with what {@code change} gives: credentials merged, an empty value removing one. */
    private ConnectionDraft merge(StoredConnection connection, ConnectionDraft change) {
        if (change.systemId() != null && !change.systemId().equals(connection.systemId())) {
            throw new InvalidInputException("system", "The system of a connection cannot change (connection "
                    + connection.id() + " is " + connection.systemId() + "); add a new connection instead.");
        }
        Map<String, String> credentials = new LinkedHashMap<>(credentialsOf(connection));
        change.credentials().forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                credentials.remove(key);
            } else {
                credentials.put(key, value);
            }
        });
        return new ConnectionDraft(connection.systemId(), change.name() != null ? change.name() : connection.name(),
                change.url(), change.storeCode() != null ? change.storeCode() : connection.store().code(),
                credentials);
    }

    /**
     * Records how verifying a stored connection went: a success marks it verified now, a failure unverified (its
     * health says so until a verification or a sync succeeds).
     */
    public void recordVerification(long id, boolean ok) {
        store.useTransaction(session -> require(session, id).verified(ok ? clock.instant() : null));
    }

    public ConnectionView setEnabled(long id, boolean enabled) {
        return store.inTransaction(session -> {
            StoredConnection connection = require(session, id);
            connection.enable(enabled);
            connection.touch(clock.instant());
            return view(connection);
        });
    }

    /** Removes a connection with its schedules, cursors, runs, routes and stored records. */
    public void remove(long id) {
        remove(id, false);
    }

    /**
     * Removes a connection with its schedules, cursors, leases, runs and routes (the foreign keys cascade), and with
     * its stored products and orders unless {@code keepRecords}: then its row stays, removed (no credentials,
     * disabled, its name free, left out of listings and refused as an unknown id by everything but the record
     * listings), so the records keep their connection id and store. A connection already removed that way can be
     * removed again, without keeping: that deletes its records.
     *
     * @throws InvalidInputException when keeping the records of a connection already removed keeping them
     */
    public void remove(long id, boolean keepRecords) {
        store.useTransaction(session -> {
            StoredConnection connection = session.find(StoredConnection.class, id);
            if (connection == null) {
                throw notFound(id);
            }
            if (!keepRecords) {
                session.remove(connection);
                return;
            }
            if (connection.removedAt() != null) {
                throw new InvalidInputException("connection", "Connection " + id + " was removed already, keeping its "
                        + "records; to delete them too: tributary connection remove " + id + " --yes");
            }
            connection.retire(clock.instant());
            session.flush();
            // what the foreign keys' ON DELETE CASCADE removes with the row, but the records
            for (String table : List.of("route", "sync_schedule", "sync_cursor", "sync_lease", "sync_run",
                    "connection_fact")) {
                String column = table.equals("route") ? "source_connection_id = :id OR target_connection_id"
                        : "connection_id";
                session.createNativeMutationQuery("DELETE FROM " + table + " WHERE " + column + " = :id")
                        .setParameter("id", id).executeUpdate();
            }
        });
    }

    /**
     * Refuses an id that names no connection, in use or removed with its records kept: what may be asked for records
     * by.
     *
     * @throws NotFoundException when there never was such a connection, or it was removed with its records
     */
    public void requireRecordsOwner(long id) {
        store.useTransaction(session -> {
            if (session.find(StoredConnection.class, id) == null) {
                throw notFound(id);
            }
        });
    }

    public ConnectionView show(long id) {
        return store.inTransaction(session -> view(require(session, id)));
    }

    /** Connections in id order, filtered by system, store code and enabled flag when those are non-null. */
    public List<ConnectionView> list(String systemId, String storeCode, Boolean enabled) {
        return store.inTransaction(session -> {
            StringBuilder hql = new StringBuilder("from StoredConnection c where c.removedAt is null");
            if (systemId != null) {
                hql.append(" and c.systemId = :system");
            }
            if (storeCode != null) {
                hql.append(" and c.store.code = :store");
            }
            if (enabled != null) {
                hql.append(" and c.enabled = :enabled");
            }
            var query = session.createSelectionQuery(hql.append(" order by c.id").toString(), StoredConnection.class);
            if (systemId != null) {
                query.setParameter("system", systemId);
            }
            if (storeCode != null) {
                query.setParameter("store", storeCode);
            }
            if (enabled != null) {
                query.setParameter("enabled", enabled);
            }
            return query.getResultList().stream().map(this::view).toList();
        });
    }

    /** The stored connection's settings with its secrets decrypted, for opening a connector. */
    public ConnectionSettings settings(long id) {
        return store.inTransaction(session -> {
            StoredConnection connection = require(session, id);
            ConnectorProvider provider = registry.require(connection.systemId());
            return toSettings(connection.id(), connection.name(), provider, connection.apiUrl(),
                    credentialsOf(connection));
        });
    }

    /** The stored connection itself (detached), or {@link NotFoundException}. */
    public StoredConnection find(long id) {
        return store.inTransaction(session -> require(session, id));
    }

    private StoredConnection require(Session session, long id) {
        StoredConnection connection = session.find(StoredConnection.class, id);
        if (connection == null) {
            throw notFound(id);
        }
        if (connection.removedAt() != null) {
            throw new NotFoundException("There is no connection with id " + id + " any more: it was removed on "
                    + connection.removedAt() + ", keeping its stored products and orders (tributary products "
                    + "--connection " + id + ").");
        }
        return connection;
    }

    /**
     * Re-encrypts every connection's secrets with {@code next}'s master key, in one transaction: either every row
     * is sealed with the new key or (on any failure, an interruption included) none is and the current key still
     * opens them all. Rows are locked while they are re-sealed, so a concurrent edit waits rather than being lost.
     *
     * @return how many connections had secrets re-encrypted
     */
    public int reseal(SecretCipher next) {
        return store.inTransaction(session -> {
            List<StoredConnection> sealed = session.createSelectionQuery("from StoredConnection c where "
                    + "c.secretsEncrypted is not null order by c.id", StoredConnection.class)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
            for (StoredConnection connection : sealed) {
                String clear = cipher.decrypt(connection.secretsEncrypted(), associatedData(connection.id()));
                connection.storeCredentials(connection.optionsJson(),
                        next.encrypt(clear, associatedData(connection.id())), connection.secretFieldNames());
            }
            return sealed.size();
        });
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no connection with id " + id + ".");
    }

    private Map<String, String> credentialsOf(StoredConnection connection) {
        Map<String, String> all = new LinkedHashMap<>(readMap(connection.optionsJson()));
        if (connection.secretsEncrypted() != null) {
            all.putAll(readMap(cipher.decrypt(connection.secretsEncrypted(), associatedData(connection.id()))));
        }
        return all;
    }

    private void seal(StoredConnection connection, Map<String, String> options, Map<String, Secret> secrets) {
        Map<String, String> clear = new TreeMap<>();
        secrets.forEach((key, secret) -> clear.put(key, secret.reveal()));
        String sealed = clear.isEmpty() ? null : cipher.encrypt(writeMap(clear), associatedData(connection.id()));
        connection.storeCredentials(writeMap(new TreeMap<>(options)), sealed, clear.keySet());
    }

    private static String associatedData(long connectionId) {
        return "connection:" + connectionId;
    }

    private ConnectionView view(StoredConnection connection) {
        Map<String, String> shown = new TreeMap<>(readMap(connection.optionsJson()));
        connection.secretFieldNames().forEach(name -> shown.put(name, Secret.mask()));
        List<CredentialField> fields = registry.find(connection.systemId())
                .map(ConnectorProvider::credentialFields).orElse(List.of());
        return new ConnectionView(connection.id(), connection.systemId(), connection.name(), connection.apiUrl(),
                connection.store().code(), connection.enabled(), connection.createdAt(), connection.updatedAt(),
                shown, fields, connection.failing(), connection.lastError(), connection.verifiedAt());
    }

    private String systemIds() {
        return String.join(", ", registry.all().stream().map(ConnectorProvider::systemId).toList());
    }

    private static String storeCodeOf(String given) {
        return given == null || given.isBlank() ? Store.DEFAULT_CODE : StoreService.checkCode(given);
    }

    private Store findOrCreateStore(Session session, String code) {
        Store existing = StoreService.find(session, code);
        if (existing != null) {
            return existing;
        }
        Store created = new Store(code, code, clock.instant());
        session.persist(created);
        return created;
    }

    private static void requireFreeName(Session session, Store owner, String name, Long exceptId) {
        List<StoredConnection> same = session.createSelectionQuery(
                        "from StoredConnection c where c.store = :store and c.name = :name and c.removedAt is null",
                        StoredConnection.class)
                .setParameter("store", owner).setParameter("name", name).getResultList();
        for (StoredConnection other : same) {
            if (exceptId == null || other.id() != exceptId) {
                throw new InvalidInputException("name", "A connection named '" + name + "' already exists in store '"
                        + owner.code() + "' (id " + other.id() + ").");
            }
        }
    }

    private Map<String, String> readMap(String text) {
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored connection's credentials are not valid JSON.", e);
        }
    }

    private String writeMap(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serializes", e);
        }
    }
}
