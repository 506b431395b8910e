package ir.peyk.testing;

import ir.peyk.store.StoreLocation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A schema of its own on the test server (127.0.0.1:5432, database {@code test}, user postgres, trust auth), so that
 * test classes and concurrent builds never see each other's tables. Dropped on {@link #close}.
 */
public final class Postgres implements AutoCloseable {
    public static final String SERVER = System.getProperty("peyk.test.pg", "127.0.0.1:5432");
    private static final String ADMIN_URL = "jdbc:postgresql://" + SERVER + "/test?user=postgres";

    private final String schema;

    private Postgres(String schema) {
        this.schema = schema;
    }

    /** Creates a fresh schema {@code peyk_test_<random>}. */
    public static Postgres fresh() {
        String schema = "peyk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        exec("CREATE SCHEMA " + schema);
        return new Postgres(schema);
    }

    public String schema() {
        return schema;
    }

    /** The store URL as an operator writes it ({@code store:} / {@code PEYK_DB}). */
    public String url() {
        return "postgresql://" + SERVER + "/test?user=postgres&currentSchema=" + schema;
    }

    public StoreLocation location() {
        return StoreLocation.parse(url(), null, Map.of());
    }

    /** Runs SQL as the admin on the test database (outside this schema unless it names it). */
    public static void exec(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " (run `.ci/run` or start it: pg_ctlcluster "
                    + "--skip-systemctl-redirect 15 main start): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
