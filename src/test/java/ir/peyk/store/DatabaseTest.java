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
    void aReadDoesNotWaitForAWriteInProgressAndATransactionSeesItsOwnWrites() throws Exception {
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            db.schema("CREATE TABLE t(k TEXT PRIMARY KEY)");
            java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                java.util.concurrent.Future<Long> inside = writer.submit(() -> db.tx(c -> {
                    try (java.sql.Statement st = c.createStatement()) {
                        st.executeUpdate("INSERT INTO t(k) VALUES('a')");
                    }
                    long seen = db.count("SELECT COUNT(*) FROM t"); // this thread's transaction: its own write
                    written.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return seen;
                }));
                assertTrue(written.await(30, java.util.concurrent.TimeUnit.SECONDS));
                // The writing connection is held by the transaction above; a read goes on beside it and sees the
                // last commit (with one connection behind one lock it would wait here until the commit).
                assertEquals(0, db.count("SELECT COUNT(*) FROM t"));
                assertFalse(db.exists("SELECT 1 FROM t WHERE k=?", "a"));
                commit.countDown();
                assertEquals(1L, inside.get(30, java.util.concurrent.TimeUnit.SECONDS));
                assertEquals(1, db.count("SELECT COUNT(*) FROM t"), "committed: seen by reads");
                assertThrows(StoreException.class, () -> db.query(c -> {
                    try (java.sql.Statement st = c.createStatement()) {
                        return st.executeUpdate("DELETE FROM t");
                    }
                }), "a read-only connection refuses a write");
                assertEquals(1, db.count("SELECT COUNT(*) FROM t"));
            } finally {
                commit.countDown();
                writer.shutdownNow();
            }
        }
    }

    @Test
    void aFailedTransactionLeavesNothingAndOneInsideAnotherJoinsIt() throws Exception {
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            db.schema("CREATE TABLE t(k TEXT PRIMARY KEY)");
            String insert = "INSERT INTO t(k) VALUES(?)";
            for (String k : new String[] {"a", "b"}) { // a kept statement, run in two transactions
                db.tx(c -> {
                    try (Database.Prepared p = db.prepare(c, insert)) {
                        p.statement().setString(1, k);
                        return p.statement().executeUpdate();
                    }
                });
            }
            assertThrows(StoreException.class, () -> db.tx(c -> {
                try (Database.Prepared p = db.prepare(c, insert)) {
                    p.statement().setString(1, "c");
                    p.statement().executeUpdate();
                    p.statement().setString(1, "a"); // a duplicate: the statement fails, the transaction rolls back
                    return p.statement().executeUpdate();
                }
            }));
            assertFalse(db.exists("SELECT 1 FROM t WHERE k='c'"), "nothing of a failed transaction stays");
            assertThrows(IllegalStateException.class, () -> db.tx(c -> {
                db.tx(inner -> db.update(insert, "d")); // joins the outer transaction, does not commit on its own
                throw new IllegalStateException("the outer one fails after");
            }));
            assertFalse(db.exists("SELECT 1 FROM t WHERE k='d'"), "the inner one went with the outer");
            db.tx(c -> db.update(insert, "e"));
            assertEquals(3, db.count("SELECT COUNT(*) FROM t"), "a, b and e: the store works on after failures");
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
