package db.migration.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's JDBC job store tables in the central store, from the DDL that ships inside the Quartz jar
 * for this database ({@code tables_mysql_innodb.sql} for MariaDB, {@code tables_h2.sql} for H2), minus its
 * {@code DROP TABLE} lines. Using the jar's own DDL keeps the tables exactly those of the Quartz version in use.
 */
public class V3__Quartz_tables extends BaseJavaMigration {
    private static final String DDL_FOLDER = "org/quartz/impl/jdbcjobstore/";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String script = product.contains("h2") ? "tables_h2.sql" : "tables_mysql_innodb.sql";
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
        }
    }

    private static String read(String script) throws IOException {
        try (InputStream in = V3__Quartz_tables.class.getClassLoader().getResourceAsStream(DDL_FOLDER + script)) {
            if (in == null) {
                throw new IllegalStateException("Quartz's " + script + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The script's statements without comments, DROPs and the trailing COMMIT. */
    static List<String> statements(String script) throws SQLException {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("--") && !trimmed.startsWith("#")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";")) {
            String sql = statement.trim();
            String upper = sql.toUpperCase(Locale.ROOT);
            if (!sql.isEmpty() && !upper.startsWith("DROP ") && !upper.equals("COMMIT")) {
                statements.add(sql);
            }
        }
        if (statements.isEmpty()) {
            throw new SQLException("Quartz's DDL script holds no statements");
        }
        return statements;
    }
}
