package ir.peyk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** A HikariCP pool of PostgreSQL connections. */
final class PostgresPool implements Connections {
    private final HikariDataSource pool;

    private PostgresPool(HikariDataSource pool) {
        this.pool = pool;
    }

    static PostgresPool open(StoreLocation.Postgres location) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (location.password() != null) config.setPassword(location.password());
        config.setPoolName("peyk-store");
        config.setMaximumPoolSize(Integer.getInteger("peyk.db.poolSize", 8));
        config.setMinimumIdle(1);
        // Short waits: a database that is gone should surface as an error (and a 503 to the platform) within
        // seconds, not hang request threads; the platforms retry.
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("ApplicationName", "peyk");
        try {
            return new PostgresPool(new HikariDataSource(config));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            throw new StoreException("cannot reach the PostgreSQL store " + location.display() + ": "
                    + Database.firstLine(root.getMessage()) + " (is the server running, and are the URL in `store`/PEYK_DB "
                    + "and " + StoreLocation.PASSWORD_ENV + " right?)", e);
        }
    }

    @Override
    public <T> T read(Database.Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    @Override
    public <T> T tx(Database.Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // a broken connection: the pool evicts it
                }
            }
        }
    }

    @Override
    public boolean lost(SQLException e) {
        // 08xxx: connection exceptions; 57P0x: the server is shutting down; Hikari's timeout has no state.
        String state = e.getSQLState();
        return e instanceof java.sql.SQLTransientConnectionException || state == null
                || state.startsWith("08") || state.startsWith("57P");
    }

    @Override
    public void close() {
        pool.close();
    }
}
