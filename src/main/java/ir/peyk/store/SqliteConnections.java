package ir.peyk.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A SQLite file through two connections, each behind its own lock: one for everything that may write (SQLite lets one
 * writer in at a time anyway, and one connection keeps transactions cheap), one, opened at the first {@link #query},
 * for statements that only read. In WAL mode a reader sees the last commit and never waits for a writer, so a
 * handler's lookup does not queue behind a batch of updates being stored.
 */
final class SqliteConnections implements Connections {
    private final Path path;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private Connection reader;
    /** ROLLBACK on the writing connection. */
    private Statement control;
    /** BEGIN and COMMIT, kept prepared: a plain statement is parsed anew at every call (5–10 µs each). */
    private PreparedStatement begin;
    private PreparedStatement commit;
    /** Transactions open on the writing connection (a nested one joins the outer). */
    private int depth;
    /** Statements prepared once on the writing connection ({@link #kept}), by their SQL. */
    private final java.util.Map<String, PreparedStatement> kept = new java.util.HashMap<>();
    private boolean closed;

    private SqliteConnections(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    static SqliteConnections open(Path path) {
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
                    + Database.firstLine(e.getMessage()), e);
        }
        if (Files.isDirectory(path)) {
            throw new StoreException("the store path " + path + " is a folder, not a file", null);
        }
        // Several processes may create the same new file at once (replicas, a CLI beside the bot): switching a
        // fresh file to WAL races on its rollback journal (SQLITE_IOERR_DELETE_NOENT, SQLITE_BUSY), which a
        // second try, after the other has finished, does not meet. Within one process opens take turns: four threads
        // switching one fresh file to WAL at once crashed the JVM once in SQLite's code (SIGBUS, in MigrationsTest).
        synchronized (OPENING) {
            return openWithRetries(path);
        }
    }

    private static final Object OPENING = new Object();

    private static SqliteConnections openWithRetries(Path path) {
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
                return new SqliteConnections(path, c);
            } catch (SQLException e) {
                String m = String.valueOf(e.getMessage());
                boolean race = m.contains("SQLITE_IOERR") || m.contains("SQLITE_BUSY") || m.contains("locked");
                if (!race || attempt >= 5) {
                    throw new StoreException("cannot open the store " + path + " for writing: " + Database.firstLine(m), e);
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
    public <T> T read(Database.Work<T> work) throws SQLException {
        lock.lock();
        try {
            return work.run(connection);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T query(Database.Work<T> work) throws SQLException {
        // Inside a transaction of this thread: its own writes must be seen, so the writing connection answers.
        if (lock.isHeldByCurrentThread()) return work.run(connection);
        readLock.lock();
        try {
            if (reader == null) {
                if (closed) throw new SQLException("the store is closed");
                reader = DriverManager.getConnection("jdbc:sqlite:" + path);
                try (Statement s = reader.createStatement()) {
                    s.execute("PRAGMA busy_timeout=5000");
                    s.execute("PRAGMA query_only=1");
                }
            }
            return work.run(reader);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * BEGIN … COMMIT written out, the connection staying in auto-commit mode: the driver's own transactions cost two
     * statements more each (it begins the next one at every commit, and ends that empty one when auto-commit is set
     * back). A transaction begun inside another on this thread joins it.
     */
    @Override
    public <T> T tx(Database.Work<T> work) throws SQLException {
        lock.lock();
        try {
            if (depth > 0) return work.run(connection);
            if (begin == null) {
                control = connection.createStatement();
                begin = connection.prepareStatement("BEGIN");
                commit = connection.prepareStatement("COMMIT");
            }
            begin.execute();
            depth++;
            boolean committed = false;
            try {
                T result = work.run(connection);
                commit.execute();
                committed = true;
                return result;
            } finally {
                depth--;
                if (!committed) rollback();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends a failed transaction; a rollback that fails too leaves nothing to save (SQLite already rolled back). */
    private void rollback() {
        try {
            control.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // e.g. "no transaction is active": SQLite ended it itself on the error
        }
    }

    @Override
    public PreparedStatement kept(Connection c, String sql) throws SQLException {
        if (c != connection || !lock.isHeldByCurrentThread()) return null;
        PreparedStatement p = kept.get(sql);
        if (p == null) {
            p = connection.prepareStatement(sql);
            kept.put(sql, p);
        }
        return p;
    }

    @Override
    public boolean lost(SQLException e) {
        return false; // a local file: errors are about the statement or the disk, not a connection
    }

    @Override
    public void close() {
        readLock.lock();
        try {
            closed = true;
            if (reader != null) reader.close();
        } catch (SQLException ignored) {
            // closing: a reader holds nothing to save
        } finally {
            readLock.unlock();
        }
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
