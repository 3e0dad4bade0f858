package io.tributary.customer;

import io.tributary.spi.OrderRecord;
import io.tributary.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the customers of a page of orders (or of customer accounts read from a source: {@link #customersOfAccounts})
 * inside the page's own transaction, before the page is stored: the writer binds each record's customer in its own
 * upsert, so an order is never stored without its customer and a retried page finds them again from scratch. Per
 * page: one read of the keys the page names, one of their customers, then batches — new customers, new keys, merges
 * (rare). Customers are locked and written before the records that name them, by every writer, in that order.
 *
 * <p>An order belongs to the customer owning its e-mail, else the one owning its phone, else a new one; a key it
 * brings that nobody owns becomes that customer's. When its e-mail and its phone belong to two different customers,
 * those are one person: the younger group is merged into the older ({@code merged_into}, {@code root_id}), recorded
 * in {@code customer_merge}, and nothing else moves — unless that very merge was undone before, which is respected.
 *
 * <p>Two transactions creating the same key at once: the second fails on the key's primary key and is reported as
 * a serialization failure (SQL state 40001), which the page writer's retry runs again whole — then it finds the key.
 */
public final class CustomerLinker {
    private CustomerLinker() {}

    /**
     * One stored record that names a customer: an order, or a customer account read from a source
     * ({@code customer_source}). The e-mail and phone as the source wrote them.
     */
    public record Item(String externalId, String email, String phone) {}

    /** A customer as this page sees it: stored (id known) or created by it (id after the insert). */
    private static final class Node {
        Long id;
        final int sequence;
        CustomerKey seed; // the key a customer created by this page was created for
        Node root; // null: this node is the top of its group
        Node mergedInto;

        Node(Long id, int sequence) {
            this.id = id;
            this.sequence = sequence;
        }

        Node top() {
            return root == null ? this : root;
        }

        boolean olderThan(Node other) {
            if (id != null && other.id != null) {
                return id < other.id;
            }
            return id != null || (other.id == null && sequence < other.sequence);
        }
    }

    private record Merge(Node survivor, Node absorbed, CustomerKey reason, String orderExternalId) {}

    private record NewKey(CustomerKey key, Node owner) {}

    /**
     * The customer of each of {@code orders} (all of connection {@code connectionId}, about to be stored), creating
     * and merging customers as they require.
     *
     * @return the customer id of each order, in the order given; null for an order with neither e-mail nor phone
     */
    public static Long[] customersOf(Connection connection, long connectionId, List<OrderRecord> orders, Instant now)
            throws SQLException {
        List<Item> items = new ArrayList<>(orders.size());
        for (OrderRecord order : orders) {
            items.add(new Item(order.externalId(), order.customerEmail(), order.customerPhone()));
        }
        return customersOf(connection, connectionId, true, items, now);
    }

    /**
     * The customer of each customer account read from a source ({@code accounts}, all of connection
     * {@code connectionId}, about to be stored in {@code customer_source}) by the same rules as orders: an account
     * and the orders of the same person end at the same customer, whichever was stored first.
     *
     * @return the customer id of each account, in the order given; null for one with neither e-mail nor phone
     */
    public static Long[] customersOfAccounts(Connection connection, long connectionId, List<Item> accounts,
            Instant now) throws SQLException {
        return customersOf(connection, connectionId, false, accounts, now);
    }

    /**
     * @param namesOrder whether a merge an item causes names it as its order ({@code customer_merge.order_external_id})
     */
    private static Long[] customersOf(Connection connection, long connectionId, boolean namesOrder,
            List<Item> orders, Instant now) throws SQLException {
        if (orders.isEmpty()) {
            return new Long[0];
        }
        String region = storeCountry(connection, connectionId);
        List<CustomerKey> emails = new ArrayList<>(orders.size());
        List<CustomerKey> phones = new ArrayList<>(orders.size());
        Set<CustomerKey> named = new LinkedHashSet<>();
        for (Item order : orders) {
            CustomerKey email = CustomerKey.email(order.email());
            CustomerKey phone = CustomerKey.phone(order.phone(), region);
            emails.add(email);
            phones.add(phone);
            if (email != null) {
                named.add(email);
            }
            if (phone != null) {
                named.add(phone);
            }
        }
        Map<Long, Node> nodes = new HashMap<>();
        Map<CustomerKey, Node> owners = loadOwners(connection, named, nodes);

        List<Node> created = new ArrayList<>();
        List<NewKey> newKeys = new ArrayList<>();
        List<Merge> merges = new ArrayList<>();
        Node[] attached = new Node[orders.size()];
        for (int i = 0; i < orders.size(); i++) {
            CustomerKey email = emails.get(i);
            CustomerKey phone = phones.get(i);
            Node byEmail = email == null ? null : owners.get(email);
            Node byPhone = phone == null ? null : owners.get(phone);
            Node owner = byEmail != null ? byEmail : byPhone;
            if (owner == null && (email != null || phone != null)) {
                owner = new Node(null, created.size());
                owner.seed = email != null ? email : phone;
                created.add(owner);
            }
            if (email != null && byEmail == null) {
                owners.put(email, owner);
                newKeys.add(new NewKey(email, owner));
            }
            if (phone != null && byPhone == null) {
                owners.put(phone, owner);
                newKeys.add(new NewKey(phone, owner));
            }
            if (byEmail != null && byPhone != null && byEmail.top() != byPhone.top()
                    && !mergeWasUndone(connection, byEmail, byPhone)) {
                Node first = byEmail.top();
                Node second = byPhone.top();
                Node survivor = first.olderThan(second) ? first : second;
                Node absorbed = survivor == first ? second : first;
                lockTops(connection, survivor, absorbed);
                for (Node node : nodes.values()) {
                    if (node.root == absorbed) {
                        node.root = survivor;
                    }
                }
                for (Node node : created) {
                    if (node.root == absorbed) {
                        node.root = survivor;
                    }
                }
                absorbed.root = survivor;
                absorbed.mergedInto = survivor;
                merges.add(new Merge(survivor, absorbed, phone,
                        namesOrder ? orders.get(i).externalId() : null));
            }
            attached[i] = owner;
        }
        insertCustomers(connection, created, now);
        insertKeys(connection, newKeys);
        saveMerges(connection, connectionId, merges, now);
        Long[] customerIds = new Long[attached.length];
        for (int i = 0; i < attached.length; i++) {
            customerIds[i] = attached[i] == null ? null : attached[i].id;
        }
        return customerIds;
    }

    private static String storeCountry(Connection connection, long connectionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT s.country FROM connection c JOIN store s ON s.id = c.store_id WHERE c.id = ?")) {
            statement.setLong(1, connectionId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static Map<CustomerKey, Node> loadOwners(Connection connection, Set<CustomerKey> keys,
            Map<Long, Node> nodes) throws SQLException {
        Map<CustomerKey, Node> owners = new HashMap<>();
        if (keys.isEmpty()) {
            return owners;
        }
        Map<CustomerKey, Long> ownerIds = new HashMap<>();
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (CustomerKey key : keys) {
            (key.kind() == CustomerKey.Kind.EMAIL ? emails : phones).add(key.value());
        }
        // one indexed range per kind; a row-value IN list is not always read through the primary key
        List<String> conditions = new ArrayList<>();
        if (!emails.isEmpty()) {
            conditions.add("(kind = 'EMAIL' AND key_value IN (" + Sql.placeholders(emails.size()) + "))");
        }
        if (!phones.isEmpty()) {
            conditions.add("(kind = 'PHONE' AND key_value IN (" + Sql.placeholders(phones.size()) + "))");
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT kind, key_value, customer_id "
                + "FROM customer_key WHERE " + String.join(" OR ", conditions))) {
            int index = 1;
            for (String value : emails) {
                statement.setString(index++, value);
            }
            for (String value : phones) {
                statement.setString(index++, value);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ownerIds.put(new CustomerKey(CustomerKey.Kind.valueOf(rows.getString(1)), rows.getString(2)),
                            rows.getLong(3));
                }
            }
        }
        if (ownerIds.isEmpty()) {
            return owners;
        }
        Set<Long> ids = new LinkedHashSet<>(ownerIds.values());
        Map<Long, Long> rootOf = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, root_id FROM customer WHERE id IN (" + Sql.placeholders(ids.size()) + ")")) {
            int index = 1;
            for (Long id : ids) {
                statement.setLong(index++, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rootOf.put(rows.getLong("id"), Sql.getLong(rows, "root_id"));
                }
            }
        }
        for (Map.Entry<Long, Long> entry : rootOf.entrySet()) {
            Node node = nodes.computeIfAbsent(entry.getKey(), id -> new Node(id, -1));
            if (entry.getValue() != null) {
                node.root = nodes.computeIfAbsent(entry.getValue(), id -> new Node(id, -1));
            }
        }
        for (Map.Entry<CustomerKey, Long> entry : ownerIds.entrySet()) {
            owners.put(entry.getKey(), nodes.get(entry.getValue()));
        }
        return owners;
    }

    /** Whether an undone merge stands between the two (as they were merged, or as the tops of their groups). */
    private static boolean mergeWasUndone(Connection connection, Node a, Node b) throws SQLException {
        if (a.id == null || b.id == null) {
            return false; // a customer created by this page was never merged
        }
        Set<Long> ids = new LinkedHashSet<>(List.of(a.id, b.id, a.top().id, b.top().id));
        String in = Sql.placeholders(ids.size());
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM customer_merge WHERE "
                + "undone_at IS NOT NULL AND survivor_id IN (" + in + ") AND absorbed_id IN (" + in + ")")) {
            int index = 1;
            for (int round = 0; round < 2; round++) {
                for (Long id : ids) {
                    statement.setLong(index++, id);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /**
     * Locks the stored tops of a merge and checks they still are tops: another transaction that merged one of them
     * meanwhile makes this page a serialization failure, run again on what is committed.
     */
    private static void lockTops(Connection connection, Node survivor, Node absorbed) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Node node : List.of(survivor, absorbed)) {
            if (node.id != null) {
                ids.add(node.id);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM customer WHERE id IN ("
                + Sql.placeholders(ids.size()) + ") AND root_id IS NULL AND merged_into IS NULL FOR UPDATE")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
            int tops = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tops++;
                }
            }
            if (tops != ids.size()) {
                throw conflict("a customer of this page was merged by another transaction meanwhile");
            }
        }
    }

    private static void insertCustomers(Connection connection, List<Node> created, Instant now) throws SQLException {
        if (created.isEmpty()) {
            return;
        }
        // one batch, then the ids read back by seed: batches that return generated keys go row by row
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO customer (seed_key, created_at) VALUES (?, ?)")) {
            for (Node node : created) {
                statement.setString(1, node.seed.kind().name() + ":" + node.seed.value());
                Sql.setInstant(statement, 2, now);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                throw conflict("another transaction created one of this page's customers meanwhile");
            }
            throw e;
        }
        Map<String, Node> bySeed = new HashMap<>();
        for (Node node : created) {
            bySeed.put(node.seed.kind().name() + ":" + node.seed.value(), node);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, seed_key FROM customer "
                + "WHERE seed_key IN (" + Sql.placeholders(created.size()) + ")")) {
            int index = 1;
            for (String seed : bySeed.keySet()) {
                statement.setString(index++, seed);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    bySeed.get(rows.getString(2)).id = rows.getLong(1);
                }
            }
        }
        for (Node node : created) {
            if (node.id == null) {
                throw new SQLException("A customer inserted by this page could not be read back.");
            }
        }
    }

    private static void insertKeys(Connection connection, List<NewKey> newKeys) throws SQLException {
        if (newKeys.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO customer_key (kind, key_value, customer_id) VALUES (?, ?, ?)")) {
            for (NewKey newKey : newKeys) {
                statement.setString(1, newKey.key().kind().name());
                statement.setString(2, newKey.key().value());
                statement.setLong(3, newKey.owner().id);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                throw conflict("another transaction created one of this page's customer keys meanwhile");
            }
            throw e;
        }
    }

    private static void saveMerges(Connection connection, long connectionId, List<Merge> merges, Instant now)
            throws SQLException {
        for (Merge merge : merges) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE customer SET merged_into = ?, root_id = ? WHERE id = ?")) {
                statement.setLong(1, merge.survivor().id);
                statement.setLong(2, merge.survivor().id);
                statement.setLong(3, merge.absorbed().id);
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE customer SET root_id = ? WHERE root_id = ?")) {
                statement.setLong(1, merge.survivor().id);
                statement.setLong(2, merge.absorbed().id);
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO customer_merge (survivor_id, "
                    + "absorbed_id, reason_kind, reason_value, connection_id, order_external_id, merged_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                statement.setLong(1, merge.survivor().id);
                statement.setLong(2, merge.absorbed().id);
                statement.setString(3, merge.reason().kind().name());
                statement.setString(4, merge.reason().value());
                statement.setLong(5, connectionId);
                statement.setString(6, merge.orderExternalId());
                Sql.setInstant(statement, 7, now);
                statement.executeUpdate();
            }
        }
    }

    private static SQLException conflict(String what) {
        return new SQLException("Finding the customers of a page met a concurrent change (" + what + ").", "40001");
    }
}
