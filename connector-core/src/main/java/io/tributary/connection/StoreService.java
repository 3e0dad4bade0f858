package io.tributary.connection;

import static java.util.Objects.requireNonNull;

import io.tributary.store.CentralStore;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.hibernate.Session;

/**
 * Stores: what connections belong to and what API keys are scoped to. {@code default} always exists. A connection
 * added with an unknown store code still creates that store (named as its code) so existing scripts keep working;
 * {@link #add} gives a store its name up front.
 */
public final class StoreService {
    private static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private final CentralStore store;
    private final Clock clock;

    public StoreService(CentralStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Adds a store; its code must be new. */
    public StoreView add(String code, String name) {
        String checkedCode = checkCode(code);
        String checkedName = checkName(name);
        return store.inTransaction(session -> {
            if (find(session, checkedCode) != null) {
                throw new InvalidInputException("code", "A store with code '" + checkedCode + "' already exists.");
            }
            Store created = new Store(checkedCode, checkedName, clock.instant());
            session.persist(created);
            session.flush();
            return view(session, created);
        });
    }

    /** Gives a store a new name; its code, which connections and keys refer to, stays. */
    public StoreView rename(String code, String name) {
        String checkedName = checkName(name);
        return store.inTransaction(session -> {
            Store existing = require(session, code);
            existing.rename(checkedName);
            return view(session, existing);
        });
    }

    /**
     * Sets the country whose national phone formats the store's orders use (customers are matched by phone in
     * E.164: {@code 030 1234567} in a German store is +49301234567); null or {@code none} clears it.
     */
    public StoreView setCountry(String code, String country) {
        String checked = checkCountry(country);
        return store.inTransaction(session -> {
            Store existing = require(session, code);
            existing.country(checked);
            return view(session, existing);
        });
    }

    private static String checkCountry(String given) {
        if (given == null || given.isBlank() || given.strip().equalsIgnoreCase("none")) {
            return null;
        }
        String country = given.strip().toUpperCase(java.util.Locale.ROOT);
        if (!java.util.Set.of(java.util.Locale.getISOCountries()).contains(country)) {
            throw new InvalidInputException("country", "'" + given + "' is not an ISO 3166 country code (two "
                    + "letters, such as DE or FR; none clears it).");
        }
        return country;
    }

    public StoreView show(String code) {
        return store.inTransaction(session -> view(session, require(session, code)));
    }

    /** Every store in code order. */
    public List<StoreView> list() {
        return store.inTransaction(session -> session
                .createSelectionQuery("from Store s order by s.code", Store.class).getResultList().stream()
                .map(s -> view(session, s)).toList());
    }

    /** Whether a store with this code exists. */
    public boolean exists(String code) {
        return store.inTransaction(session -> find(session, code) != null);
    }

    static String checkCode(String given) {
        String code = given == null ? "" : given.trim();
        if (!code.matches(CODE_PATTERN)) {
            throw new InvalidInputException("store", "The store code '" + code + "' must be 1-64 letters, digits, "
                    + "dots, dashes or underscores, starting with a letter or digit.");
        }
        return code;
    }

    private static String checkName(String given) {
        String name = given == null ? "" : given.trim();
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "The store name is required.");
        }
        if (name.length() > 200) {
            throw new InvalidInputException("name", "The store name is longer than 200 characters.");
        }
        return name;
    }

    static Store find(Session session, String code) {
        return session.createSelectionQuery("from Store s where s.code = :code", Store.class)
                .setParameter("code", code).uniqueResult();
    }

    private static Store require(Session session, String code) {
        Store found = code == null ? null : find(session, code);
        if (found == null) {
            throw new NotFoundException("There is no store with code '" + code + "'.");
        }
        return found;
    }

    private static StoreView view(Session session, Store s) {
        long connections = session.createSelectionQuery(
                "select count(c) from StoredConnection c where c.store = :store and c.removedAt is null", Long.class)
                .setParameter("store", s).getSingleResult();
        return new StoreView(s.id(), s.code(), s.name(), s.createdAt(), connections, s.country());
    }
}
