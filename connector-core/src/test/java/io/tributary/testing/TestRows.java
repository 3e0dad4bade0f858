package io.tributary.testing;

import io.tributary.run.SyncRun;
import io.tributary.run.SyncRuns;
import io.tributary.spi.EntityType;
import io.tributary.store.CentralStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/** Rows the record path needs to exist (a connection, a run), made directly for store tests. */
public final class TestRows {
    private TestRows() {}

    public static long connection(CentralStore store, String name) {
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO connection (store_id, system_id, "
                        + "name, api_url, options_json, secret_fields, enabled, created_at, updated_at, version) "
                        + "VALUES ((SELECT id FROM store WHERE code = 'default'), 'scripted', ?, "
                        + "'https://shop.example/', '{}', '', TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0)",
                        Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, name);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long run(CentralStore store, long connectionId, EntityType entity) {
        return new SyncRuns(store, Clock.systemUTC()).start(connectionId, entity, SyncRun.Trigger.MANUAL, false).id();
    }

    public static long count(CentralStore store, String sql) {
        try (Connection connection = store.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(CentralStore store, String sql) {
        try (Connection connection = store.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
