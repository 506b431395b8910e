package ir.peyk.store;

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
 * The embedded SQLite store: one file, WAL mode, one connection guarded by a lock (SQLite serializes writers anyway;
 * one connection keeps transactions simple and cheap). Each repository creates its own tables with
 * {@code CREATE TABLE IF NOT EXISTS} in its constructor, so a concern's schema lives beside its code.
 */
public final class Database implements AutoCloseable {
    /** Work done inside a lock on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path path;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /** Opens (creating when needed) the store at {@code path}. Fails with a one-line {@link StoreException}. */
    public static Database open(Path path) {
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
            throw new StoreException("cannot create the folder for the store " + path + ": " + firstLine(e.getMessage()), e);
        }
        if (Files.isDirectory(path)) throw new StoreException("the store path " + path + " is a folder, not a file", null);
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + path);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("CREATE TABLE IF NOT EXISTS peyk_probe(x INTEGER)"); // fails now, not later, if read-only
            }
            return new Database(path, c);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + path + " for writing: " + firstLine(e.getMessage()), e);
        }
    }

    public Path path() {
        return path;
    }

    /** Runs {@code work} holding the connection; not a transaction (see {@link #tx}). */
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("store error in " + path + ": " + firstLine(e.getMessage()), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
    public <T> T tx(Work<T> work) {
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
        } catch (SQLException e) {
            throw new StoreException("store error in " + path + ": " + firstLine(e.getMessage()), e);
        } finally {
            lock.unlock();
        }
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

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            return p;
        } catch (SQLException e) {
            p.close();
            throw e;
        }
    }

    /** Executes DDL statements (a repository's schema). */
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
        lock.lock();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to save
        } finally {
            lock.unlock();
        }
    }

    static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
