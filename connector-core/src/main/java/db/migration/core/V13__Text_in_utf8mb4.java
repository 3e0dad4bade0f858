package db.migration.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On MariaDB, every table in utf8mb4, and the database's default too, so later tables follow. Tables take the
 * database's character set when created, and a database created without one (a server's latin1 default) refused
 * the first product named in Japanese, Czech or Greek ("Incorrect string value"). Tables already in utf8mb4 — every
 * database made as the README says — are left as they are. H2 stores Unicode anyway: nothing to do there.
 *
 * <p>MariaDB will not change the character set of a column a foreign key joins on, so the keys touching the tables
 * converted are dropped first and put back, as they were, afterwards.
 */
public class V13__Text_in_utf8mb4 extends BaseJavaMigration {
    /** A foreign key as information_schema describes it. */
    private record ForeignKey(String name, String table, String columns, String referencedTable,
            String referencedColumns, String onDelete, String onUpdate) {
        String addSql() {
            return "ALTER TABLE " + quoted(table) + " ADD CONSTRAINT " + quoted(name) + " FOREIGN KEY (" + columns
                    + ") REFERENCES " + quoted(referencedTable) + " (" + referencedColumns + ") ON DELETE " + onDelete
                    + " ON UPDATE " + onUpdate;
        }
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("mariadb") && !product.contains("mysql")) {
            return;
        }
        Set<String> tables = notUtf8mb4(connection);
        try (Statement statement = connection.createStatement()) {
            if (!tables.isEmpty() || !databaseIsUtf8mb4(connection)) {
                statement.execute("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            if (tables.isEmpty()) {
                return;
            }
            List<ForeignKey> keys = foreignKeys(connection).stream()
                    .filter(k -> tables.contains(k.table()) || tables.contains(k.referencedTable())).toList();
            for (ForeignKey key : keys) {
                statement.execute("ALTER TABLE " + quoted(key.table()) + " DROP FOREIGN KEY " + quoted(key.name()));
            }
            for (String table : tables) {
                statement.execute("ALTER TABLE " + quoted(table) + " CONVERT TO CHARACTER SET utf8mb4 COLLATE "
                        + "utf8mb4_bin");
            }
            for (ForeignKey key : keys) {
                statement.execute(key.addSql());
            }
        }
    }

    private static Set<String> notUtf8mb4(Connection connection) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION NOT LIKE "
                + "'utf8mb4%'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT r.CONSTRAINT_NAME, r.TABLE_NAME, "
                + "r.REFERENCED_TABLE_NAME, r.DELETE_RULE, r.UPDATE_RULE, "
                + "GROUP_CONCAT(CONCAT('`', k.COLUMN_NAME, '`') ORDER BY k.ORDINAL_POSITION), "
                + "GROUP_CONCAT(CONCAT('`', k.REFERENCED_COLUMN_NAME, '`') ORDER BY k.ORDINAL_POSITION) "
                + "FROM information_schema.REFERENTIAL_CONSTRAINTS r JOIN information_schema.KEY_COLUMN_USAGE k "
                + "ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME "
                + "AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME WHERE r.CONSTRAINT_SCHEMA = DATABASE() "
                + "GROUP BY r.CONSTRAINT_NAME, r.TABLE_NAME, r.REFERENCED_TABLE_NAME, r.DELETE_RULE, r.UPDATE_RULE");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(6), rows.getString(3),
                        rows.getString(7), rows.getString(4), rows.getString(5)));
            }
        }
        return keys;
    }

    private static boolean databaseIsUtf8mb4(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT @@character_set_database")) {
            return rows.next() && rows.getString(1).startsWith("utf8mb4");
        }
    }

    private static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
