package ir.peyk.store;

import java.sql.SQLException;

/** How a backend hands out connections ({@link Database}'s only view of SQLite or PostgreSQL). */
interface Connections {
    /** Runs {@code work} in auto-commit mode; it may write. */
    <T> T read(Database.Work<T> work) throws SQLException;

    /** Runs {@code work}, which only reads: it may run beside a write in progress (a separate connection). */
    default <T> T query(Database.Work<T> work) throws SQLException {
        return read(work);
    }

    <T> T tx(Database.Work<T> work) throws SQLException;

    /** {@code sql} prepared once and kept for {@code c}, when this backend keeps statements for it; null otherwise. */
    default java.sql.PreparedStatement kept(java.sql.Connection c, String sql) throws SQLException {
        return null;
    }

    /** Whether {@code e} means the database cannot be reached (as opposed to a bad statement). */
    boolean lost(SQLException e);

    void close();
}
