package ir.peyk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-statement helpers the repositories use, against a real SQLite file. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void updateBindsArgumentsInOrderWithTheirSqlTypes() {
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            db.schema("CREATE TABLE t(k TEXT PRIMARY KEY, n INTEGER, big INTEGER, note TEXT)");
            assertEquals(1, db.update("INSERT INTO t(k, n, big, note) VALUES(?,?,?,?)", "a", 1, 5_000_000_000L, null));
            assertEquals(0, db.update("INSERT OR IGNORE INTO t(k, n, big, note) VALUES(?,?,?,?)", "a", 2, 0L, "x"));
            assertEquals(Optional.of("text integer integer null"),
                    db.text("SELECT typeof(k) || ' ' || typeof(n) || ' ' || typeof(big) || ' ' || typeof(note) FROM t"));
            assertEquals(Optional.of("5000000000"), db.text("SELECT big FROM t WHERE k=?", "a"));
            assertEquals(1, db.update("DELETE FROM t WHERE k=? AND n=?", "a", 1));
            assertEquals(0, db.update("DELETE FROM t WHERE k=?", "a"));
        }
    }

    @Test
    void queriesForOneValue() {
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            db.schema("CREATE TABLE t(k TEXT PRIMARY KEY, note TEXT)");
            assertEquals(0, db.count("SELECT COUNT(*) FROM t"));
            assertFalse(db.exists("SELECT 1 FROM t WHERE k=?", "a"));
            assertEquals(Optional.empty(), db.text("SELECT note FROM t WHERE k=?", "a"), "no row");
            db.update("INSERT INTO t(k, note) VALUES(?,?)", "a", null);
            db.update("INSERT INTO t(k, note) VALUES(?,?)", "b", "سلام");
            assertEquals(2, db.count("SELECT COUNT(*) FROM t"));
            assertEquals(1, db.count("SELECT COUNT(*) FROM t WHERE note IS NOT NULL AND k<>?", "a"));
            assertEquals(0, db.count("SELECT COUNT(*) FROM t GROUP BY note HAVING COUNT(*) > 5"), "no row counts 0");
            assertTrue(db.exists("SELECT 1 FROM t WHERE k=?", "a"));
            assertEquals(Optional.empty(), db.text("SELECT note FROM t WHERE k=?", "a"), "a NULL value");
            assertEquals(Optional.of("سلام"), db.text("SELECT note FROM t WHERE k=?", "b"));
        }
    }

    @Test
    void inListHasOnePlaceholderPerValue() {
        assertEquals("(?)", Database.inList(1));
        assertEquals("(?,?,?)", Database.inList(3));
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            db.schema("CREATE TABLE t(k TEXT PRIMARY KEY)");
            for (String k : new String[]{"a", "b", "c", "d"}) db.update("INSERT INTO t(k) VALUES(?)", k);
            assertEquals(2, db.count("SELECT COUNT(*) FROM t WHERE k IN " + Database.inList(3), "a", "c", "x"));
        }
    }

    @Test
    void aBadStatementIsOneLineNamingTheStore() {
        Path file = dir.resolve("peyk.db");
        try (Database db = Database.open(file)) {
            StoreException e = assertThrows(StoreException.class, () -> db.update("UPDATE nowhere SET x=?", 1));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertThrows(StoreException.class, () -> db.count("SELECT COUNT(*) FROM t WHERE k=?", "too", "many"));
        }
    }
}
