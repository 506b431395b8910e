package ir.peyk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes to a real SQLite store by a thread whose work runs ahead of another transaction's commit. */
class CommitGateTest {
    @TempDir
    Path dir;

    /** Runs {@code gate.enter(); db.update(INSERT key)} on a thread of its own. */
    private static CompletableFuture<Integer> writeBehind(CommitGate gate, Database db, String key) {
        return CompletableFuture.supplyAsync(() -> {
            gate.enter();
            try {
                return db.update("INSERT INTO effects(k) VALUES(?)", key);
            } finally {
                CommitGate.leave();
            }
        });
    }

    @Test
    void aWriteWaitsForTheCommitAndIsMadeOnceItCame() throws Exception {
        try (Database db = Database.open(dir.resolve("s.db"))) {
            db.schema("CREATE TABLE effects(k TEXT)");
            CommitGate gate = new CommitGate();
            CompletableFuture<Integer> write = writeBehind(gate, db, "after");
            // However long the gate stays shut, the write stays behind it.
            assertThrows(java.util.concurrent.TimeoutException.class, () -> write.get(300, TimeUnit.MILLISECONDS));
            assertEquals(0, db.count("SELECT COUNT(*) FROM effects"), "nothing written before the commit");
            gate.committed();
            assertEquals(1, write.get(30, TimeUnit.SECONDS));
            assertEquals(1, db.count("SELECT COUNT(*) FROM effects WHERE k='after'"));
        }
    }

    @Test
    void aWriteBehindATransactionThatRolledBackFailsAndWritesNothing() throws Exception {
        try (Database db = Database.open(dir.resolve("s.db"))) {
            db.schema("CREATE TABLE effects(k TEXT)");
            CommitGate gate = new CommitGate();
            CompletableFuture<Integer> write = writeBehind(gate, db, "lost");
            gate.rolledBack();
            ExecutionException e = assertThrows(ExecutionException.class, () -> write.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof StoreException, e.getCause().toString());
            assertTrue(e.getCause().getMessage().contains("was not stored"), e.getCause().getMessage());
            assertEquals(0, db.count("SELECT COUNT(*) FROM effects"));
        }
    }

    @Test
    void theCurrentGateIsTheThreadsOwnAndItsFirstOutcomeStands() {
        CommitGate gate = new CommitGate();
        assertNull(CommitGate.current());
        gate.enter();
        try {
            assertSame(gate, CommitGate.current());
            assertTrue(gate.pending());
            gate.committed();
            gate.rolledBack(); // too late: a row's gate is decided once
            assertFalse(gate.pending());
            assertTrue(gate.await());
            CommitGate.awaitCurrent(); // committed: returns at once
        } finally {
            CommitGate.leave();
        }
        assertNull(CommitGate.current());
        CommitGate.awaitCurrent(); // no gate: returns at once
    }
}
