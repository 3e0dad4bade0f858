package io.tributary.connection;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.SiteFacts;
import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link SiteFacts} of one connection, kept in {@code connection_fact} for the API URL they were read from: a
 * fact of the connection's former URL is not recalled (and is replaced when read again).
 */
public final class ConnectionFacts implements SiteFacts.Memory {
    private static final int MAX_VALUE = 2000;
    private final DataSource dataSource;
    private final long connectionId;
    private final String apiUrlHash;

    private ConnectionFacts(DataSource dataSource, long connectionId, URI apiUrl) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.connectionId = connectionId;
        this.apiUrlHash = sha256(requireNonNull(apiUrl, "apiUrl is null").toString());
    }

    /** The facts of connection {@code connectionId} at {@code apiUrl}, as a connector reading it sees them. */
    public static SiteFacts of(DataSource dataSource, long connectionId, URI apiUrl, Clock clock) {
        return new SiteFacts(new ConnectionFacts(dataSource, connectionId, apiUrl), clock);
    }

    /** Forgets every fact of connection {@code connectionId}: its next run reads them from the site. */
    public static void forget(DataSource dataSource, long connectionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM connection_fact WHERE connection_id = ?")) {
            statement.setLong(1, connectionId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("Forgetting", connectionId, e);
        }
    }

    @Override
    public Optional<SiteFacts.Fact> recall(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT fact_value, read_at FROM "
                        + "connection_fact WHERE connection_id = ? AND name = ? AND api_url_hash = ?")) {
            statement.setLong(1, connectionId);
            statement.setString(2, name);
            statement.setString(3, apiUrlHash);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new SiteFacts.Fact(rows.getString("fact_value"),
                        Sql.getInstant(rows, "read_at"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("Reading", connectionId, e);
        }
    }

    @Override
    public void remember(String name, String value, Instant readAt) {
        if (value != null && value.length() > MAX_VALUE) {
            return; // not a fact of a site's settings; read again next time rather than kept cut
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO connection_fact "
                        + "(connection_id, name, api_url_hash, fact_value, read_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE "
                        + "KEY UPDATE api_url_hash = VALUES(api_url_hash), fact_value = VALUES(fact_value), "
                        + "read_at = VALUES(read_at)")) {
            statement.setLong(1, connectionId);
            statement.setString(2, name);
            statement.setString(3, apiUrlHash);
            statement.setString(4, value);
            Sql.setInstant(statement, 5, readAt);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("Keeping", connectionId, e);
        }
    }

    private static StoreException failure(String doing, long connectionId, SQLException e) {
        return new StoreException(doing + " what is known of the site of connection " + connectionId + " failed: "
                + CentralStore.rootMessage(e) + ".", e);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
