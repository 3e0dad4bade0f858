package io.tributary.customer;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.ValidationProblem;
import io.tributary.store.CentralStore;
import io.tributary.store.Deadlocks;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reading customers (each derived from the orders and source accounts a caller may see) and undoing their merges.
 * Customers are made and merged by {@link CustomerLinker} as orders and accounts are stored.
 */
public final class CustomerService {
    public static final int MAX_PAGE = 500;

    private final DataSource dataSource;
    private final Clock clock;

    public CustomerService(DataSource dataSource, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What a listing asks for; every part optional. */
    public record Filter(String email, String phone, String storeCode) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    /**
     * The customer (or the customer it was merged into) with its orders and source accounts in {@code storeCodes}.
     *
     * @param storeCodes the caller's stores; null: every store (and then the merges are shown too)
     * @throws NotFoundException when no such customer has an order or an account the caller may see
     */
    public CustomerDetail show(long id, Collection<String> storeCodes) {
        try (Connection connection = dataSource.getConnection()) {
            Long top = top(connection, id);
            List<CustomerOrder> orders = top == null ? List.of() : orders(connection, top, storeCodes);
            List<CustomerAccount> accounts = top == null ? List.of() : accounts(connection, top, storeCodes);
            if (orders.isEmpty() && accounts.isEmpty()) {
                throw new NotFoundException("There is no customer with id " + id + ".");
            }
            List<CustomerMerge> merges = storeCodes == null ? merges(connection, top) : List.of();
            return new CustomerDetail(view(top, orders, accounts), orders, accounts, merges);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Customers with an order or a source account in {@code storeCodes} (a registered customer who never ordered
     * too), by id, {@code limit} after {@code afterId}.
     *
     * @throws InvalidInputException when the phone cannot be read, or the limit is out of range
     */
    public List<CustomerView> list(Filter filter, Collection<String> storeCodes, Long afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "The limit must be between 1 and " + MAX_PAGE + ".");
        }
        Collection<String> scope = storeCodes;
        if (filter.storeCode() != null) {
            scope = storeCodes == null || storeCodes.contains(filter.storeCode())
                    ? List.of(filter.storeCode()) : List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Long> tops;
            if (filter.email() != null || filter.phone() != null) {
                tops = topsByKey(connection, filter);
            } else {
                tops = topsInScope(connection, scope, afterId, limit);
            }
            List<CustomerView> views = new ArrayList<>();
            for (Long top : tops) {
                if (afterId != null && top <= afterId) {
                    continue;
                }
                List<CustomerOrder> orders = orders(connection, top, scope);
                List<CustomerAccount> accounts = accounts(connection, top, scope);
                if (!orders.isEmpty() || !accounts.isEmpty()) {
                    views.add(view(top, orders, accounts));
                }
                if (views.size() == limit) {
                    break;
                }
            }
            return views;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Undoes a merge: the customer it absorbed stands alone again with the customers merged into it before, their
     * orders and keys with them (nothing of theirs ever moved). An order that links the two again does not merge
     * them again.
     *
     * @throws NotFoundException     when there is no such merge
     * @throws InvalidInputException when it was undone already
     */
    public CustomerMerge unmerge(long mergeId) {
        try {
            return Deadlocks.inTransaction(dataSource, connection -> unmerge(connection, mergeId));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private CustomerMerge unmerge(Connection connection, long mergeId) throws SQLException {
        CustomerMerge merge = merge(connection, mergeId, true);
        if (merge == null) {
            throw new NotFoundException("There is no customer merge with id " + mergeId + ".");
        }
        if (merge.undoneAt() != null) {
            throw new InvalidInputException("merge", "Customer merge " + mergeId + " was undone already, at "
                    + merge.undoneAt() + ".");
        }
        Long top = top(connection, merge.survivorId());
        // the group as it is now, locked; each member's top follows again from merged_into
        Map<Long, Long> mergedInto = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, merged_into FROM customer WHERE id = ? OR root_id = ? FOR UPDATE")) {
            statement.setLong(1, top);
            statement.setLong(2, top);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    mergedInto.put(rows.getLong(1), Sql.getLong(rows, "merged_into"));
                }
            }
        }
        mergedInto.put(merge.absorbedId(), null);
        try (PreparedStatement clear = connection.prepareStatement(
                "UPDATE customer SET merged_into = NULL WHERE id = ?")) {
            clear.setLong(1, merge.absorbedId());
            clear.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE customer SET root_id = ? WHERE id = ?")) {
            for (Long member : mergedInto.keySet()) {
                Long newTop = member;
                for (int hops = 0; mergedInto.get(newTop) != null && hops <= mergedInto.size(); hops++) {
                    newTop = mergedInto.get(newTop);
                }
                if (newTop.equals(member)) {
                    update.setObject(1, null);
                } else {
                    update.setLong(1, newTop);
                }
                update.setLong(2, member);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement undo = connection.prepareStatement(
                "UPDATE customer_merge SET undone_at = ? WHERE id = ?")) {
            Sql.setInstant(undo, 1, clock.instant());
            undo.setLong(2, mergeId);
            undo.executeUpdate();
        }
        return merge(connection, mergeId, false);
    }

    /** The id at the top of {@code id}'s merges; null when there is no such customer. */
    private static Long top(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT root_id FROM customer WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                long root = rows.getLong(1);
                return rows.wasNull() ? id : root;
            }
        }
    }

    private List<Long> topsByKey(Connection connection, Filter filter) throws SQLException {
        List<CustomerKey> keys = new ArrayList<>();
        List<ValidationProblem> problems = new ArrayList<>();
        if (filter.email() != null) {
            CustomerKey email = CustomerKey.email(filter.email());
            if (email == null) {
                problems.add(new ValidationProblem("email", "\"" + filter.email()
                        + "\" is not an e-mail address."));
            } else {
                keys.add(email);
            }
        }
        if (filter.phone() != null) {
            String region = filter.storeCode() == null ? null : storeCountry(connection, filter.storeCode());
            CustomerKey phone = CustomerKey.phone(filter.phone(), region);
            if (phone == null) {
                problems.add(new ValidationProblem("phone", "\"" + filter.phone() + "\" is not a "
                        + "phone number libphonenumber can read" + (region == null
                        ? " (give it with its country code, +…, or name a store that has a country)." : " in "
                        + region + ".")));
            } else {
                keys.add(phone);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<Long> tops = null;
        for (CustomerKey key : keys) {
            Set<Long> found = new LinkedHashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(c.root_id, c.id) "
                    + "FROM customer_key k JOIN customer c ON c.id = k.customer_id WHERE k.kind = ? AND k.key_value = ?")) {
                statement.setString(1, key.kind().name());
                statement.setString(2, key.value());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getLong(1));
                    }
                }
            }
            if (tops == null) {
                tops = found;
            } else {
                tops.retainAll(found); // both given: the customer both lead to
            }
        }
        return tops == null ? List.of() : new ArrayList<>(tops);
    }

    private static String storeCountry(Connection connection, String storeCode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT country FROM store WHERE code = ?")) {
            statement.setString(1, storeCode);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /**
     * Tops with an order or an account in scope after {@code afterId}. Every store: the customers at the top of their
     * merges, by primary key (a customer exists because an order or an account made it). Some stores: the tops of the
     * customers of their orders and accounts; more may come than {@code limit} when some have none left in scope.
     */
    private static List<Long> topsInScope(Connection connection, Collection<String> scope, Long afterId, int limit)
            throws SQLException {
        if (scope != null && scope.isEmpty()) {
            return List.of();
        }
        String sql;
        List<Object> parameters = new ArrayList<>();
        long after = afterId == null ? 0 : afterId;
        if (scope == null) {
            sql = "SELECT id FROM customer WHERE root_id IS NULL AND id > ? ORDER BY id LIMIT ?";
            parameters.add(after);
            parameters.add(limit * 2 + 10);
        } else {
            String inScope = "JOIN connection c ON c.id = r.connection_id JOIN store s ON s.id = c.store_id "
                    + "WHERE s.code IN (" + Sql.placeholders(scope.size()) + ") AND COALESCE(cu.root_id, cu.id) > ?";
            // UNION: one top once, whether it comes from orders, accounts or both
            sql = "SELECT top FROM (SELECT COALESCE(cu.root_id, cu.id) AS top FROM orders r "
                    + "JOIN customer cu ON cu.id = r.customer_id " + inScope
                    + " UNION SELECT COALESCE(cu.root_id, cu.id) AS top FROM customer_source r "
                    + "JOIN customer cu ON cu.id = r.customer_id " + inScope + ") tops ORDER BY top LIMIT ?";
            for (int round = 0; round < 2; round++) {
                parameters.addAll(scope);
                parameters.add(after);
            }
            parameters.add(limit);
        }
        List<Long> tops = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tops.add(rows.getLong(1));
                }
            }
        }
        return tops;
    }

    /** The orders of the group topped by {@code top} in scope, most recent first. */
    private static List<CustomerOrder> orders(Connection connection, long top, Collection<String> scope)
            throws SQLException {
        if (scope != null && scope.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT s.code, s.country, o.connection_id, c.name, o.external_id, o.order_number, o.status, "
                + "o.currency, o.total, o.refunded_total, o.customer_email, o.customer_phone, o.customer_name, "
                + "COALESCE(o.source_created_at, o.synced_at) AS ordered_at FROM customer cu "
                + "JOIN orders o ON o.customer_id = cu.id JOIN connection c ON c.id = o.connection_id "
                + "JOIN store s ON s.id = c.store_id WHERE (cu.id = ? OR cu.root_id = ?)"
                + (scope == null ? "" : " AND s.code IN (" + Sql.placeholders(scope.size()) + ")")
                + " ORDER BY ordered_at DESC, o.connection_id, o.external_id";
        return group(connection, sql, top, scope, rows -> {
            String phone = rows.getString("customer_phone");
            CustomerKey phoneKey = CustomerKey.phone(phone, rows.getString("country"));
            return new CustomerOrder(rows.getString("code"), rows.getLong("connection_id"), rows.getString("name"),
                    rows.getString("external_id"), rows.getString("order_number"), rows.getString("status"),
                    rows.getString("currency"), Sql.getMoney(rows, "total"), Sql.getMoney(rows, "refunded_total"),
                    rows.getString("customer_email"), phoneKey == null ? phone : phoneKey.value(),
                    rows.getString("customer_name"), Sql.getInstant(rows, "ordered_at"));
        });
    }

    /** The source accounts of the group topped by {@code top} in scope, most recently changed first. */
    private static List<CustomerAccount> accounts(Connection connection, long top, Collection<String> scope)
            throws SQLException {
        if (scope != null && scope.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT s.code, s.country, a.connection_id, c.name AS connection_name, a.external_id, a.email, "
                + "a.phone, a.name, a.source_created_at, a.source_updated_at FROM customer cu "
                + "JOIN customer_source a ON a.customer_id = cu.id JOIN connection c ON c.id = a.connection_id "
                + "JOIN store s ON s.id = c.store_id WHERE (cu.id = ? OR cu.root_id = ?)"
                + (scope == null ? "" : " AND s.code IN (" + Sql.placeholders(scope.size()) + ")")
                + " ORDER BY a.source_updated_at DESC, a.connection_id, a.external_id";
        return group(connection, sql, top, scope, rows -> {
            String phone = rows.getString("phone");
            CustomerKey phoneKey = CustomerKey.phone(phone, rows.getString("country"));
            return new CustomerAccount(rows.getString("code"), rows.getLong("connection_id"),
                    rows.getString("connection_name"), rows.getString("external_id"), rows.getString("email"),
                    phoneKey == null ? phone : phoneKey.value(), rows.getString("name"),
                    Sql.getInstant(rows, "source_created_at"), Sql.getInstant(rows, "source_updated_at"));
        });
    }

    /** A row mapper that may throw what JDBC throws. */
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs {@code sql} (parameters: the group's top twice, then the scope's store codes) and maps its rows. */
    private static <T> List<T> group(Connection connection, String sql, long top, Collection<String> scope,
            Row<T> row) throws SQLException {
        List<T> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, top);
            statement.setLong(2, top);
            if (scope != null) {
                int index = 3;
                for (String code : scope) {
                    statement.setString(index++, code);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(row.read(rows));
                }
            }
        }
        return found;
    }

    private static CustomerView view(long top, List<CustomerOrder> orders, List<CustomerAccount> accounts) {
        String name = null;
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Instant first = null;
        Instant last = null;
        Map<String, BigDecimal> spent = new TreeMap<>();
        Map<Long, CustomerView.SeenIn> seen = new LinkedHashMap<>();
        for (CustomerOrder order : orders) { // most recent first
            if (name == null && order.customerName() != null && !order.customerName().isBlank()) {
                name = order.customerName();
            }
            CustomerKey email = CustomerKey.email(order.customerEmail());
            if (email != null) {
                emails.add(email.value());
            }
            if (order.customerPhone() != null && !order.customerPhone().isBlank()) {
                phones.add(order.customerPhone());
            }
            if (order.createdAt() != null) {
                first = first == null || order.createdAt().isBefore(first) ? order.createdAt() : first;
                last = last == null || order.createdAt().isAfter(last) ? order.createdAt() : last;
            }
            if (order.currency() != null && order.total() != null) {
                BigDecimal net = order.refundedTotal() == null ? order.total()
                        : order.total().subtract(order.refundedTotal());
                spent.merge(order.currency(), net, BigDecimal::add);
            }
            seen.putIfAbsent(order.connectionId(), new CustomerView.SeenIn(order.storeCode(), order.connectionId(),
                    order.connectionName()));
        }
        for (CustomerAccount account : accounts) { // after the orders: an order's name and keys come first
            if (name == null && account.name() != null && !account.name().isBlank()) {
                name = account.name();
            }
            CustomerKey email = CustomerKey.email(account.email());
            if (email != null) {
                emails.add(email.value());
            }
            if (account.phone() != null && !account.phone().isBlank()) {
                phones.add(account.phone());
            }
            seen.putIfAbsent(account.connectionId(), new CustomerView.SeenIn(account.storeCode(),
                    account.connectionId(), account.connectionName()));
        }
        spent.replaceAll((currency, amount) -> Sql.money(amount));
        return new CustomerView(top, name, List.copyOf(emails), List.copyOf(phones), first, last, orders.size(),
                spent, List.copyOf(seen.values()));
    }

    private static List<CustomerMerge> merges(Connection connection, long top) throws SQLException {
        List<CustomerMerge> merges = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT m.* FROM customer_merge m "
                + "WHERE m.survivor_id IN (SELECT id FROM customer WHERE id = ? OR root_id = ?) "
                + "OR m.absorbed_id IN (SELECT id FROM customer WHERE id = ? OR root_id = ?) ORDER BY m.id")) {
            for (int i = 1; i <= 4; i += 2) {
                statement.setLong(i, top);
                statement.setLong(i + 1, top);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    merges.add(merge(rows));
                }
            }
        }
        return merges;
    }

    private static CustomerMerge merge(Connection connection, long id, boolean lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM customer_merge WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? merge(rows) : null;
            }
        }
    }

    private static CustomerMerge merge(ResultSet rows) throws SQLException {
        return new CustomerMerge(rows.getLong("id"), rows.getLong("survivor_id"), rows.getLong("absorbed_id"),
                rows.getString("reason_kind"), rows.getString("reason_value"), Sql.getLong(rows, "connection_id"),
                rows.getString("order_external_id"), Sql.getInstant(rows, "merged_at"),
                Sql.getInstant(rows, "undone_at"));
    }

    private static StoreException failed(SQLException e) {
        return new StoreException("Reading customers from the database failed: " + CentralStore.rootMessage(e) + ".",
                e);
    }
}
