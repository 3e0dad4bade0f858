package io.tributary.intake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.customer.CustomerKey;
import io.tributary.http.Json;
import io.tributary.record.RecordQueries;
import io.tributary.record.StoredOrder;
import io.tributary.run.RecordWriter;
import io.tributary.spi.OrderLineRecord;
import io.tributary.spi.OrderRecord;
import io.tributary.spi.ValidationProblem;
import io.tributary.store.CentralStore;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Orders sent in by sites that keep none of their own (landing pages, order forms). Each store has one internal
 * connection of system {@value #SYSTEM_ID}, made on its first posted order: posted orders are stored in it like
 * synced ones (its order number is the record id, so a number is unique per store), through the record writer, so
 * they are attached to customers, listed, polled and exported like any other. It has no credentials, schedules or
 * connector: nothing syncs it.
 *
 * <p>The number is the idempotency key: a second post with a number already stored changes nothing and answers
 * the stored order, also when posts race (the writer locks the store's API connection for each).
 */
public final class OrderIntake {
    public static final String SYSTEM_ID = io.tributary.connection.ConnectorRegistry.API_SYSTEM;
    static final String CONNECTION_NAME = "api";
    private static final int MAX_SCALE = 6;

    private final DataSource dataSource;
    private final RecordWriter writer;
    private final RecordQueries queries;
    private final Clock clock;

    public OrderIntake(DataSource dataSource, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.writer = new RecordWriter(dataSource, clock);
        this.queries = new RecordQueries(dataSource);
    }

    /**
     * Stores the order unless its number is stored already in its store.
     *
     * @param shapeProblems what the request's reader found already (reported with the rest)
     * @throws InvalidInputException naming every invalid field, totals that do not add up among them
     * @throws NotFoundException     when the store does not exist
     */
    public PostedOrder post(OrderPost post, List<ValidationProblem> shapeProblems) {
        List<ValidationProblem> problems = new ArrayList<>();
        String country = null;
        Long storeId = null;
        if (post.store() == null || post.store().isBlank()) {
            problems.add(new ValidationProblem("store", "The store is required."));
        } else {
            long[] id = new long[1];
            country = storeCountry(post.store(), id);
            storeId = id[0];
        }
        OrderRecord order = check(post, country, problems);
        if (!problems.isEmpty() || !shapeProblems.isEmpty()) {
            // a field the reader found malformed is reported once, as the reader said
            java.util.Set<String> malformed = new java.util.HashSet<>();
            shapeProblems.forEach(p -> malformed.add(p.field()));
            List<ValidationProblem> all = new ArrayList<>(shapeProblems);
            problems.stream().filter(p -> !malformed.contains(p.field())).forEach(all::add);
            throw new InvalidInputException(all);
        }
        long connectionId = apiConnection(storeId);
        boolean created = writer.insertIfAbsent(connectionId, order);
        StoredOrder stored = queries.orderPage(null, connectionId, null, order.externalId(), null, 1).items().stream()
                .filter(o -> o.externalId().equals(order.externalId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Order " + order.externalId() + " was stored but cannot "
                        + "be read back."));
        return new PostedOrder(stored, created);
    }

    private OrderRecord check(OrderPost post, String country, List<ValidationProblem> problems) {
        String number = post.number() == null ? null : post.number().strip();
        if (number == null || number.isEmpty()) {
            problems.add(new ValidationProblem("number", "The order number is required."));
        } else if (number.length() > 100) {
            problems.add(new ValidationProblem("number", "The order number is longer than 100 characters."));
        }
        String status = post.status() == null || post.status().isBlank() ? "pending" : post.status().strip();
        if (status.length() > 50) {
            problems.add(new ValidationProblem("status", "The status is longer than 50 characters."));
        }
        String currency = post.currency() == null ? null : post.currency().strip().toUpperCase(Locale.ROOT);
        if (currency == null || currency.isEmpty()) {
            problems.add(new ValidationProblem("currency", "The currency is required (ISO 4217, such as EUR)."));
        } else if (!isCurrency(currency)) {
            problems.add(new ValidationProblem("currency", "'" + post.currency() + "' is not an ISO 4217 currency "
                    + "code (such as EUR)."));
        }
        BigDecimal total = amount("total", post.total(), true, problems);
        BigDecimal tax = orZero(amount("totalTax", post.totalTax(), false, problems));
        BigDecimal shipping = orZero(amount("shippingTotal", post.shippingTotal(), false, problems));
        BigDecimal discount = orZero(amount("discountTotal", post.discountTotal(), false, problems));
        Instant createdAt = clock.instant();
        if (post.createdAt() != null) {
            try {
                createdAt = Instant.parse(post.createdAt());
            } catch (DateTimeParseException e) {
                problems.add(new ValidationProblem("createdAt", "'" + post.createdAt() + "' is not a time such as "
                        + "2026-12-03T10:15:00Z."));
            }
        }

        OrderPost.Customer customer = post.customer();
        String email = null;
        String phone = null;
        String name = null;
        if (customer == null) {
            problems.add(new ValidationProblem("customer", "The customer (name, email, phone) is required."));
        } else {
            name = blankToNull(customer.name());
            email = blankToNull(customer.email());
            phone = blankToNull(customer.phone());
            if (name != null && name.length() > 400) {
                problems.add(new ValidationProblem("customer.name", "The customer's name is longer than 400 "
                        + "characters."));
            }
            if (email != null && CustomerKey.email(email) == null) {
                problems.add(new ValidationProblem("customer.email", "'" + email + "' is not an e-mail address."));
            }
            if (phone != null && (phone.length() > 64 || CustomerKey.phone(phone, country) == null)) {
                problems.add(new ValidationProblem("customer.phone", "'" + phone + "' is not a phone number "
                        + "libphonenumber can read" + (country == null ? " (give it with its country code, +…; the "
                        + "store has no country)." : " in " + country + ".")));
            }
            if (email == null && phone == null) {
                problems.add(new ValidationProblem("customer", "The customer needs an email or a phone."));
            }
        }

        List<OrderLineRecord> lines = new ArrayList<>();
        BigDecimal linesTotal = BigDecimal.ZERO;
        boolean linesValid = true;
        if (post.lines() == null || post.lines().isEmpty()) {
            problems.add(new ValidationProblem("lines", "The order needs at least one line."));
            linesValid = false;
        } else {
            for (int i = 0; i < post.lines().size(); i++) {
                OrderPost.Line line = post.lines().get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    problems.add(new ValidationProblem(at, "The line is empty."));
                    linesValid = false;
                    continue;
                }
                String sku = blankToNull(line.sku());
                String lineName = blankToNull(line.name());
                if (sku == null && lineName == null) {
                    problems.add(new ValidationProblem(at, "A line needs a sku or a name."));
                }
                if (sku != null && sku.length() > 255) {
                    problems.add(new ValidationProblem(at + ".sku", "The sku is longer than 255 characters."));
                }
                if (lineName != null && lineName.length() > 1000) {
                    problems.add(new ValidationProblem(at + ".name", "The name is longer than 1000 characters."));
                }
                BigDecimal quantity = amount(at + ".quantity", line.quantity(), true, problems);
                if (quantity != null && quantity.signum() == 0) {
                    problems.add(new ValidationProblem(at + ".quantity", "The quantity must be more than 0."));
                    quantity = null;
                }
                BigDecimal unitPrice = amount(at + ".unitPrice", line.unitPrice(), true, problems);
                if (quantity == null || unitPrice == null) {
                    linesValid = false;
                    continue;
                }
                BigDecimal lineTotal = quantity.multiply(unitPrice);
                linesTotal = linesTotal.add(lineTotal);
                lines.add(new OrderLineRecord(Integer.toString(i + 1), null, sku, lineName, quantity, unitPrice,
                        lineTotal));
            }
        }
        if (total != null && linesValid && tax != null && shipping != null && discount != null) {
            BigDecimal expected = linesTotal.add(shipping).add(tax).subtract(discount);
            if (expected.compareTo(total) != 0) {
                problems.add(new ValidationProblem("total", "The total " + total.toPlainString() + " does not add "
                        + "up: lines " + linesTotal.toPlainString() + " + shipping " + shipping.toPlainString()
                        + " + tax " + tax.toPlainString() + " - discount " + discount.toPlainString() + " = "
                        + expected.toPlainString() + "."));
            }
        }
        checkShipping(post.shipping(), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new OrderRecord(number, number, status, currency, total, tax, shipping, discount, null, email, name,
                phone, createdAt, clock.instant(), lines, raw(post, number, status, currency, createdAt));
    }

    /** Where a route would deliver the order: optional, but whole when given. */
    private static void checkShipping(OrderPost.Shipping shipping, List<ValidationProblem> problems) {
        if (shipping == null) {
            return;
        }
        if (blankToNull(shipping.street()) == null) {
            problems.add(new ValidationProblem("shipping.street", "The shipping address needs a street."));
        }
        String country = blankToNull(shipping.country());
        if (country != null && !country.strip().matches("[A-Za-z]{2}")) {
            problems.add(new ValidationProblem("shipping.country", "'" + country + "' is not a country code "
                    + "(ISO 3166, such as FR)."));
        }
        String[][] fields = {{"name", shipping.name()}, {"company", shipping.company()}, {"phone", shipping.phone()},
            {"street", shipping.street()}, {"streetExtra", shipping.streetExtra()}, {"postcode", shipping.postcode()},
            {"city", shipping.city()}, {"state", shipping.state()}, {"note", shipping.note()}};
        for (String[] field : fields) {
            int limit = field[0].equals("note") ? 1000 : 255;
            if (field[1] != null && field[1].length() > limit) {
                problems.add(new ValidationProblem("shipping." + field[0], "The shipping " + field[0] + " is longer "
                        + "than " + limit + " characters."));
            }
        }
    }

    /** The order as posted, normalized: what {@code raw_json} keeps of an order that has no other source. */
    private static String raw(OrderPost post, String number, String status, String currency, Instant createdAt) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("source", "api");
        json.put("number", number);
        json.put("status", status);
        json.put("currency", currency);
        json.put("total", post.total());
        json.put("totalTax", post.totalTax());
        json.put("shippingTotal", post.shippingTotal());
        json.put("discountTotal", post.discountTotal());
        json.put("createdAt", createdAt.toString());
        ObjectNode customer = json.putObject("customer");
        customer.put("name", post.customer().name());
        customer.put("email", post.customer().email());
        customer.put("phone", post.customer().phone());
        OrderPost.Shipping shipping = post.shipping();
        if (shipping != null) {
            ObjectNode to = json.putObject("shipping");
            to.put("name", shipping.name());
            to.put("company", shipping.company());
            to.put("phone", shipping.phone());
            to.put("street", shipping.street());
            to.put("streetExtra", shipping.streetExtra());
            to.put("postcode", shipping.postcode());
            to.put("city", shipping.city());
            to.put("state", shipping.state());
            to.put("country", shipping.country() == null ? null : shipping.country().strip().toUpperCase(
                    java.util.Locale.ROOT));
            to.put("note", shipping.note());
        }
                ArrayNode lines = json.putArray("lines");
        for (OrderPost.Line line : post.lines()) {
            ObjectNode l = lines.addObject();
            l.put("sku", line.sku());
            l.put("name", line.name());
            l.put("quantity", line.quantity());
            l.put("unitPrice", line.unitPrice());
        }
        return json.toString();
    }

    private static BigDecimal amount(String field, String text, boolean required, List<ValidationProblem> problems) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(new ValidationProblem(field, "The " + field + " is required (a decimal string such as "
                        + "\"12.50\")."));
            }
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new ValidationProblem(field, "'" + text + "' is not a decimal number (such as \"12.50\")."));
            return null;
        }
        if (value.signum() < 0) {
            problems.add(new ValidationProblem(field, "The " + field + " must not be negative."));
            return null;
        }
        if (value.scale() > MAX_SCALE || value.precision() - value.scale() > 14) {
            problems.add(new ValidationProblem(field, "The " + field + " has more than 14 digits before or "
                    + MAX_SCALE + " after the point."));
            return null;
        }
        return value;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String storeCountry(String storeCode, long[] id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, country FROM store WHERE code = ?")) {
            statement.setString(1, storeCode);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new NotFoundException("There is no store '" + storeCode + "'.");
                }
                id[0] = rows.getLong(1);
                return rows.getString(2);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The store's API connection, made on first use (two first posts at once: one makes it, both use it). */
    private long apiConnection(long storeId) {
        try (Connection connection = dataSource.getConnection()) {
            Long existing = findApiConnection(connection, storeId);
            if (existing != null) {
                return existing;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO connection (store_id, system_id, "
                    + "name, api_url, options_json, secret_fields, enabled, created_at, updated_at, version) "
                    + "VALUES (?, ?, ?, 'urn:tributary:api-orders', '{}', '', TRUE, ?, ?, 0)")) {
                Instant now = clock.instant();
                insert.setLong(1, storeId);
                insert.setString(2, SYSTEM_ID);
                insert.setString(3, CONNECTION_NAME);
                Sql.setInstant(insert, 4, now);
                Sql.setInstant(insert, 5, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!Sql.isDuplicateKey(e)) {
                    throw e;
                }
            }
            Long made = findApiConnection(connection, storeId);
            if (made == null) {
                throw new InvalidInputException("store", "The store already has a connection named '"
                        + CONNECTION_NAME + "' that is not its API connection; rename it to post orders.");
            }
            return made;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static Long findApiConnection(Connection connection, long storeId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM connection WHERE store_id = ? "
                + "AND system_id = ? AND removed_at IS NULL ORDER BY id")) {
            statement.setLong(1, storeId);
            statement.setString(2, SYSTEM_ID);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static StoreException failed(SQLException e) {
        return new StoreException("Storing a posted order failed: " + CentralStore.rootMessage(e) + ".", e);
    }
}
