package ir.peyk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store: a SQLite file (WAL mode, one connection behind a lock — SQLite serialises writers anyway, and one
 * connection keeps transactions cheap) or a PostgreSQL database through a HikariCP pool (several replicas share it;
 * each statement runs on its own pooled connection, a transaction on one). Repositories see only {@link #read},
 * {@link #tx} and the one-statement helpers, so they do not know which backend runs; where the SQL must differ they
 * ask {@link #dialect()}.
 *
 * <p>The schema is versioned ({@link Migrations}): {@link #open} brings the store to the current version unless told
 * not to, in which case it refuses a store that is behind.
 */
public final class Database implements AutoCloseable {
    /** Work done on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Whether {@link #open} may change the schema. */
    public enum Migrate { YES, NO }

    private final StoreLocation location;
    private final Dialect dialect;
    private final Connections connections;

    private Database(StoreLocation location, Dialect dialect, Connections connections) {
        this.location = location;
        this.dialect = dialect;
        this.connections = connections;
    }

    /** Opens (creating when needed) the SQLite store at {@code path}, migrated to the current schema. */
    public static Database open(Path path) {
        return open(new StoreLocation.Sqlite(path), Migrate.YES);
    }

    public static Database open(StoreLocation location) {
        return open(location, Migrate.YES);
    }

    /**
     * Opens the store. Fails with a one-line {@link StoreException} when it cannot be reached or written, or — with
     * {@link Migrate#NO} — when its schema is not the current one.
     */
    public static Database open(StoreLocation location, Migrate migrate) {
        Database db = openUnmigrated(location);
        try {
            if (migrate == Migrate.YES) Migrations.migrate(db);
            else Migrations.requireCurrent(db);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens without looking at the schema at all: for {@code peyk db status} and the migration runner's tests. */
    public static Database openUnmigrated(StoreLocation location) {
        if (location instanceof StoreLocation.Postgres p) {
            return new Database(location, Dialect.POSTGRESQL, PostgresPool.open(p));
        }
        return new Database(location, Dialect.SQLITE, SqliteConnection.open(((StoreLocation.Sqlite) location).file()));
    }

    /** The SQLite file, or null for PostgreSQL. */
    public Path path() {
        return location instanceof StoreLocation.Sqlite s ? s.file() : null;
    }

    public StoreLocation location() {
        return location;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * The lead for a job only one process may do ({@code name}, e.g. "poll:telegram"): an advisory lock on
     * PostgreSQL, always granted on SQLite. Close it to give the lead up.
     */
    public Leadership leadership(String name) {
        return location instanceof StoreLocation.Postgres p ? new Leadership.Advisory(p, name) : Leadership.alone();
    }

    /** Runs {@code work} on a connection in auto-commit mode; not a transaction (see {@link #tx}). */
    public <T> T read(Work<T> work) {
        try {
            return connections.read(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
    public <T> T tx(Work<T> work) {
        try {
            return connections.tx(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private StoreException failure(SQLException e) {
        String message = "store error in " + location.display() + ": " + firstLine(e.getMessage());
        return connections.lost(e) ? new StoreUnavailableException(message, e) : new StoreException(message, e);
    }

    /**
     * Runs one INSERT, UPDATE or DELETE with {@code args} bound to its {@code ?} in order (Long, Integer, String or
     * null); returns how many rows it changed.
     */
    public int update(String sql, Object... args) {
        return read(c -> {
            try (PreparedStatement p = prepare(c, sql, args)) {
                return p.executeUpdate();
            }
        });
    }

    /** The number a {@code SELECT COUNT(*) …} query returns (0 when it returns no row). */
    public long count(String sql, Object... args) {
        return read(c -> {
            try (PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    /** Whether the query returns at least one row. */
    public boolean exists(String sql, Object... args) {
        return read(c -> {
            try (PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
                return r.next();
            }
        });
    }

    /** The first column of the query's first row as text; empty when there is no row or the value is NULL. */
    public Optional<String> text(String sql, Object... args) {
        return read(c -> {
            try (PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        });
    }

    /** {@code (?,?,…)} with {@code n} placeholders, for {@code IN} over a list bound one value each (n ≥ 1). */
    public static String inList(int n) {
        return "(" + String.join(",", Collections.nCopies(n, "?")) + ")";
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            return p;
        } catch (SQLException e) {
            p.close();
            throw e;
        }
    }

    /** Executes DDL statements (tests' scratch tables; the real schema is in the migration scripts). */
    public void schema(String... statements) {
        read(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) s.execute(sql);
            }
            return null;
        });
    }

    @Override
    public void close() {
        connections.close();
    }

    static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** How a backend hands out connections. */
    private interface Connections {
        <T> T read(Work<T> work) throws SQLException;

        <T> T tx(Work<T> work) throws SQLException;

        /** Whether {@code e} means the database cannot be reached (as opposed to a bad statement). */
        boolean lost(SQLException e);

        void close();
    }

    /** One SQLite connection behind a lock. */
    private static final class SqliteConnection implements Connections {
        private final Connection connection;
        private final ReentrantLock lock = new ReentrantLock();

        private SqliteConnection(Connection connection) {
            this.connection = connection;
        }

        static SqliteConnection open(Path path) {
            Path parent = path.toAbsolutePath().getParent();
            try {
                if (parent != null) Files.createDirectories(parent);
            } catch (FileAlreadyExistsException e) {
                throw new StoreException("cannot create the folder for the store " + path + ": " + e.getFile()
                        + " is a file, not a folder", e);
            } catch (AccessDeniedException e) {
                throw new StoreException("cannot create the folder for the store " + path + ": permission denied for "
                        + e.getFile(), e);
            } catch (Exception e) {
                throw new StoreException("cannot create the folder for the store " + path + ": "
                        + firstLine(e.getMessage()), e);
            }
            if (Files.isDirectory(path)) {
                throw new StoreException("the store path " + path + " is a folder, not a file", null);
            }
            // Several processes may create the same new file at once (replicas, a CLI beside the bot): switching a
            // fresh file to WAL races on its rollback journal (SQLITE_IOERR_DELETE_NOENT, SQLITE_BUSY), which a
            // second try, after the other has finished, does not meet.
            for (int attempt = 1; ; attempt++) {
                try {
                    Connection c = DriverManager.getConnection("jdbc:sqlite:" + path);
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA busy_timeout=5000");
                        s.execute("PRAGMA journal_mode=WAL");
                        s.execute("PRAGMA synchronous=NORMAL");
                        s.execute("PRAGMA foreign_keys=ON");
                        s.execute("CREATE TABLE IF NOT EXISTS peyk_probe(x INTEGER)"); // fails now, not later, if read-only
                    } catch (SQLException e) {
                        c.close();
                        throw e;
                    }
                    return new SqliteConnection(c);
                } catch (SQLException e) {
                    String m = String.valueOf(e.getMessage());
                    boolean race = m.contains("SQLITE_IOERR") || m.contains("SQLITE_BUSY") || m.contains("locked");
                    if (!race || attempt >= 5) {
                        throw new StoreException("cannot open the store " + path + " for writing: " + firstLine(m), e);
                    }
                    try {
                        Thread.sleep(20L * attempt);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new StoreException("interrupted while opening the store " + path, ie);
                    }
                }
            }
        }

        @Override
        public <T> T read(Work<T> work) throws SQLException {
            lock.lock();
            try {
                return work.run(connection);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public <T> T tx(Work<T> work) throws SQLException {
            lock.lock();
            try {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean lost(SQLException e) {
            return false; // a local file: errors are about the statement or the disk, not a connection
        }

        @Override
        public void close() {
            lock.lock();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing: nothing left to save
            } finally {
                lock.unlock();
            }
        }
    }

    /** A HikariCP pool of PostgreSQL connections. */
    private static final class PostgresPool implements Connections {
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
                        + firstLine(root.getMessage()) + " (is the server running, and are the URL in `store`/PEYK_DB "
                        + "and " + StoreLocation.PASSWORD_ENV + " right?)", e);
            }
        }

        @Override
        public <T> T read(Work<T> work) throws SQLException {
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            }
        }

        @Override
        public <T> T tx(Work<T> work) throws SQLException {
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
}
