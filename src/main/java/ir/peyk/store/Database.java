package ir.peyk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Optional;

/**
 * The store: a SQLite file (WAL mode, one writing connection behind a lock, one for reads: {@link SqliteConnections})
 * or a PostgreSQL database through a HikariCP pool ({@link PostgresPool}: several replicas share it; each statement
 * runs on its own pooled connection, a transaction on one). Repositories see only {@link #read},
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
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentHashMap<?, ?>> memos =
            new java.util.concurrent.ConcurrentHashMap<>();

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
        return new Database(location, Dialect.SQLITE, SqliteConnections.open(((StoreLocation.Sqlite) location).file()));
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

    /**
     * A map named {@code name} that lives as long as this open store: for a repository's values looked up on every
     * update that only this process changes (on SQLite, one process owns the store), so every repository object on
     * this store sees the same entries.
     */
    @SuppressWarnings("unchecked")
    public <K, V> java.util.concurrent.ConcurrentHashMap<K, V> memo(String name) {
        return (java.util.concurrent.ConcurrentHashMap<K, V>) memos.computeIfAbsent(name,
                n -> new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** Runs {@code work} on a connection in auto-commit mode; not a transaction (see {@link #tx}). */
    public <T> T read(Work<T> work) {
        CommitGate.awaitCurrent(); // it may write
        try {
            return connections.read(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work}, which only reads (a write fails on SQLite), on a connection of its own where the backend has
     * one: it does not wait for a write in progress, and sees what was committed before it began.
     */
    public <T> T query(Work<T> work) {
        try {
            return connections.query(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
    public <T> T tx(Work<T> work) {
        CommitGate.awaitCurrent();
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
        return query(c -> {
            try (PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    /** Whether the query returns at least one row. */
    public boolean exists(String sql, Object... args) {
        return query(c -> {
            try (PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
                return r.next();
            }
        });
    }

    /** The first column of the query's first row as text; empty when there is no row or the value is NULL. */
    public Optional<String> text(String sql, Object... args) {
        return query(c -> {
            try (PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        });
    }

    /**
     * {@code sql} prepared on {@code c} for a statement run on every update: kept prepared where the backend can keep
     * it (SQLite's writing connection, inside {@link #tx}: with the driver's BEGIN, preparing the inbox's two statements
     * took 29 of the 136 µs a lone update's store took, 13–15 µs since), prepared anew otherwise (PostgreSQL's driver
     * keeps its own). Close it after use either way.
     */
    public Prepared prepare(Connection c, String sql) throws SQLException {
        PreparedStatement kept = connections.kept(c, sql);
        return kept != null ? new Prepared(kept, true) : new Prepared(c.prepareStatement(sql), false);
    }

    /** A statement from {@link #prepare}: closing a kept one only clears its parameters and batch. */
    public record Prepared(PreparedStatement statement, boolean kept) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (!kept) {
                statement.close();
                return;
            }
            statement.clearParameters();
            statement.clearBatch();
        }
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
}
