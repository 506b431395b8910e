package ir.peyk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Versioned schema migrations: plain SQL scripts {@code db/migration/<dialect>/V<n>__<what>.sql} on the class path,
 * applied in order, each in its own transaction together with its row in {@code peyk_schema_history} — so a script is
 * applied wholly or not at all, and exactly once. Both dialects have the same versions (a test checks it).
 *
 * <p>Several processes may start at once (replicas, or the bot and a CLI command): each script's transaction first
 * inserts its history row, so a second process blocks on that row's key and, when the first commits, finds the
 * version applied and skips it.
 *
 * <p>Version 1 is the schema an unversioned Peyk created, written with {@code IF NOT EXISTS} on SQLite: a store made
 * before versions existed is upgraded in place with nothing lost.
 */
public final class Migrations {
    /** The scripts, in order. A new migration is a new file in both dialect folders and a new entry here. */
    static final List<String> SCRIPTS = List.of("V1__baseline", "V2__inbox_claims", "V3__shared_send_pace",
            "V4__keypad_messages", "V5__inbox_partial_indexes");

    private static final String HISTORY = """
            CREATE TABLE IF NOT EXISTS peyk_schema_history(
              version INTEGER PRIMARY KEY, description TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)""";

    /** A migration script of one dialect. */
    public record Script(int version, String description, String sql, String checksum) {}

    /** An applied version as the history records it; {@code changed} when the script differs from what was applied. */
    public record Applied(int version, String description, long appliedAt, boolean changed) {}

    /** Where a store stands. */
    public record Status(int current, int latest, List<Applied> applied, List<Script> pending) {
        public boolean upToDate() {
            return current == latest;
        }
    }

    private Migrations() {}

    /** The scripts of {@code dialect}, oldest first. */
    public static List<Script> scripts(Dialect dialect) {
        List<Script> out = new ArrayList<>();
        for (String name : SCRIPTS) {
            String resource = "/db/migration/" + dialect.folder() + "/" + name + ".sql";
            try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("migration " + resource + " is missing from the build");
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                out.add(new Script(version, name.substring(name.indexOf("__") + 2).replace('_', ' '), sql, checksum(sql)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration " + resource, e);
            }
        }
        return out;
    }

    /** The latest version this Peyk knows. */
    public static int latest() {
        return SCRIPTS.size();
    }

    /** Applies every pending script; returns those this call applied. */
    public static List<Script> migrate(Database db) {
        List<Script> scripts = scripts(db.dialect());
        return db.read(c -> {
            // PostgreSQL: one migrator per schema at a time (replicas starting together). CREATE TABLE IF NOT
            // EXISTS alone races there; the lock is the session's, released in finally or when it dies.
            boolean pg = db.dialect() == Dialect.POSTGRESQL;
            if (pg) exec(c, "SELECT pg_advisory_lock(hashtext('peyk-migrate:' || current_schema()))");
            try {
                exec(c, HISTORY);
                int current = version(c);
                if (current > latest()) throw tooNew(db, current);
                List<Script> applied = new ArrayList<>();
                for (Script script : scripts) {
                    if (script.version() > current && apply(c, script)) applied.add(script);
                }
                return applied;
            } finally {
                if (pg) exec(c, "SELECT pg_advisory_unlock(hashtext('peyk-migrate:' || current_schema()))");
            }
        });
    }

    /** Fails unless the store is at the latest version (the bot told not to migrate). */
    public static void requireCurrent(Database db) {
        Status status = status(db);
        if (status.current() > status.latest()) throw tooNew(db, status.current());
        if (!status.upToDate()) {
            throw new StoreException("the store " + db.location().display() + " is at schema version " + status.current()
                    + " but this Peyk needs " + status.latest() + ": run `peyk db migrate` (back it up first)", null);
        }
    }

    /** The store's version, what was applied and what is pending; changes nothing. */
    public static Status status(Database db) {
        List<Script> scripts = scripts(db.dialect());
        List<Applied> applied = db.read(c -> {
            List<Applied> out = new ArrayList<>();
            if (!historyExists(c, db.dialect())) return out;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT version, description, checksum, applied_at FROM peyk_schema_history ORDER BY version");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    int v = r.getInt(1);
                    boolean changed = v <= scripts.size() && !scripts.get(v - 1).checksum().equals(r.getString(3));
                    out.add(new Applied(v, r.getString(2), r.getLong(4), changed));
                }
            }
            return out;
        });
        int current = applied.isEmpty() ? 0 : applied.get(applied.size() - 1).version();
        List<Script> pending = scripts.stream().filter(s -> s.version() > current).toList();
        return new Status(current, latest(), applied, pending);
    }

    /**
     * Applies one script with its history row in one transaction. The row goes first: on SQLite a second process
     * (the bot and a CLI command starting together) then waits for the first's write lock and finds the version taken.
     */
    private static boolean apply(Connection c, Script script) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO peyk_schema_history(version, description, "
                    + "checksum, applied_at) VALUES(?,?,?,?) ON CONFLICT DO NOTHING")) {
                p.setInt(1, script.version());
                p.setString(2, script.description());
                p.setString(3, script.checksum());
                p.setLong(4, System.currentTimeMillis());
                if (p.executeUpdate() == 0) {
                    c.rollback();
                    return false; // applied by another process first
                }
            }
            try (Statement s = c.createStatement()) {
                for (String sql : statements(script.sql())) s.execute(sql);
            }
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw new SQLException("migrating to schema version " + script.version() + " (" + script.description()
                    + ") failed and was rolled back: " + Database.firstLine(e.getMessage()),
                    e instanceof SQLException q ? q.getSQLState() : null, e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static int version(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT MAX(version) FROM peyk_schema_history");
             ResultSet r = p.executeQuery()) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Splits a script at the semicolons that end a line; drops {@code --} comment lines. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.strip().startsWith("--")) continue;
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String stmt = current.toString().strip();
                out.add(stmt.substring(0, stmt.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }

    private static boolean historyExists(Connection c, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.SQLITE
                ? "SELECT 1 FROM sqlite_master WHERE type='table' AND name='peyk_schema_history'"
                : "SELECT 1 FROM information_schema.tables WHERE table_name='peyk_schema_history' "
                        + "AND table_schema = current_schema()";
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            return r.next();
        }
    }

    private static StoreException tooNew(Database db, int current) {
        return new StoreException("the store " + db.location().display() + " is at schema version " + current
                + ", newer than this Peyk knows (" + latest() + "): run the Peyk that upgraded it, or a newer one", null);
    }

    private static String checksum(String sql) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
