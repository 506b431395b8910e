package ir.peyk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Who does a job that must run exactly once across replicas (polling one token: the platform allows one
 * {@code getUpdates} consumer). On PostgreSQL the leader holds a session advisory lock on a connection of its own: a
 * leader that dies, even by SIGKILL, closes that connection, the server drops the lock at once, and the next replica
 * asking takes over. On SQLite there is one process by design, so it always leads.
 */
public interface Leadership extends AutoCloseable {
    /** Whether this process leads now: takes the lead when it is free, checks a held one is still held. */
    boolean lead();

    /** Gives the lead up (the lock's connection is closed). */
    @Override
    void close();

    /** A leadership on SQLite: always the leader. */
    static Leadership alone() {
        return new Leadership() {
            @Override
            public boolean lead() {
                return true;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    /** A PostgreSQL advisory lock named {@code name} within the store's schema. */
    final class Advisory implements Leadership {
        private static final String KEY = "hashtext('peyk-lead:' || current_schema() || ':' || ?)";
        private final StoreLocation.Postgres location;
        private final String name;
        private Connection connection;
        private boolean held;

        Advisory(StoreLocation.Postgres location, String name) {
            this.location = location;
            this.name = name;
        }

        @Override
        public synchronized boolean lead() {
            try {
                if (connection == null || connection.isClosed()) {
                    held = false;
                    Properties p = new Properties();
                    if (location.password() != null) p.setProperty("password", location.password());
                    p.setProperty("connectTimeout", "5");
                    p.setProperty("socketTimeout", "10");
                    p.setProperty("ApplicationName", "peyk-leader");
                    connection = DriverManager.getConnection(location.jdbcUrl(), p);
                }
                if (held) {
                    // Still ours while this session lives: the server drops the lock only with the session.
                    if (!connection.isValid(3)) throw new SQLException("the leader's connection broke");
                    return true;
                }
                try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                    s.setString(1, name);
                    try (ResultSet r = s.executeQuery()) {
                        held = r.next() && r.getBoolean(1);
                    }
                }
                return held;
            } catch (SQLException e) {
                closeQuietly();
                return false;
            }
        }

        @Override
        public synchronized void close() {
            closeQuietly();
        }

        private void closeQuietly() {
            if (held && connection != null) {
                // Let go at once: closing the session frees the lock only when the server has ended its backend,
                // which a successor asking right after may still find holding it.
                try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
                    s.setString(1, name);
                    s.execute();
                } catch (SQLException ignored) {
                    // a broken session: the lock goes with it
                }
            }
            held = false;
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the lock goes with the session either way
                }
                connection = null;
            }
        }
    }
}
