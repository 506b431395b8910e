package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.store.CommitGate;
import ir.peyk.store.Database;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lone row handed over straight on a real SQLite file goes to the inbox journal, not the table, when its key is new
 * for sure; the next marks move it into the table; what a crash leaves in the journal is handled at the next start.
 */
class JournaledStoreTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static Batch one(String key, String offset) {
        return new Batch(List.of(InboxTest.msg("telegram", key, "42")), offset);
    }

    private static List<String> journalKeys(Path journal) throws Exception {
        return InboxJournal.read(ByteBuffer.wrap(Files.readAllBytes(journal))).stream()
                .map(InboxJournal.Entry::key).toList();
    }

    @Test
    void aNewKeyGoesToTheJournalAndIntoTheTableWithItsDoneMarkWhileOldKeysGoToTheTable() throws Exception {
        Path file = dir.resolve("bot.db");
        Path journal = dir.resolve("bot.db-inbox.log");
        List<String> handled = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database db = Database.open(file)) {
            Inbox inbox = new Inbox(db);
            Dispatcher d = new Dispatcher(inbox, Set.of("telegram"), u -> {
                String key = u.key();
                CommitGate stored = CommitGate.current(); // what the bot's platform calls wait for
                if (stored != null && !stored.await()) return; // a duplicate: it does nothing
                handled.add(key + " in the table: " + inbox.status("telegram", key));
                if (key.equals("101")) {
                    holding.countDown();
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                }
            }, 2, Duration.ofDays(7));
            d.start();
            try {
                assertEquals(1, inbox.store("telegram", one("100", "101")));
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertEquals(List.of(), journalKeys(journal), "the first row numbers the ids: into the table");

                assertEquals(1, inbox.store("telegram", one("101", "102")));
                assertTrue(holding.await(30, TimeUnit.SECONDS));
                assertEquals(List.of("101"), journalKeys(journal), "stored before it is handled");
                assertNull(inbox.status("telegram", "101"), "not in the table yet");
                assertEquals(1, inbox.pendingCount("telegram"), "pending in the journal");
                assertEquals(0, inbox.pendingCount("bale"));
                release.countDown();
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertEquals("done", inbox.status("telegram", "101"), "moved in with its done mark");
                assertEquals(List.of(), journalKeys(journal), "emptied once all is in the table");
                assertEquals("102", db.text("SELECT next_offset FROM transport_offsets").orElse(null));

                assertEquals(0, inbox.store("telegram", one("101", "102")), "re-sent: a duplicate, found in the table");
                assertEquals(1, inbox.store("telegram", one("99", "102")), "below the largest key: through the table");
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertEquals(List.of("100 in the table: pending", "101 in the table: null", "99 in the table: pending"),
                        handled, "each handled once");
            } finally {
                d.stop(WAIT);
            }
        }
    }

    @Test
    void whatACrashLeavesInTheJournalIsHandledAtTheNextStartAndCountedAsInterrupted() throws Exception {
        Path file = dir.resolve("bot.db");
        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database db = Database.open(file)) {
            Inbox inbox = new Inbox(db);
            Dispatcher d = new Dispatcher(inbox, Set.of("telegram"), u -> {
                if (u.key().equals("8")) {
                    holding.countDown();
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                }
            }, 2, Duration.ofDays(7));
            d.start();
            try {
                inbox.store("telegram", one("7", "8"));
                assertTrue(d.awaitIdle("telegram", WAIT));
                inbox.store("telegram", one("8", "9"));
                assertTrue(holding.await(30, TimeUnit.SECONDS));
                // The files as a kill -9 now would leave them: the row in the journal alone, its handler running.
                for (String f : List.of("bot.db", "bot.db-wal", "bot.db-inbox.log")) {
                    if (Files.exists(dir.resolve(f))) {
                        Files.copy(dir.resolve(f), crashed.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } finally {
                release.countDown();
                d.stop(WAIT);
            }
        }
        List<String> handled = new CopyOnWriteArrayList<>();
        try (Database db = Database.open(crashed.resolve("bot.db"))) {
            Inbox inbox = new Inbox(db);
            assertNull(inbox.status("telegram", "8"), "only in the journal");
            Dispatcher d = new Dispatcher(inbox, Set.of("telegram"), u -> {
                CommitGate stored = CommitGate.current(); // what the bot's platform calls wait for
                if (stored == null || stored.await()) handled.add(u.key()); // a duplicate does nothing
            }, 2, Duration.ofDays(7));
            assertEquals("pending", inbox.status("telegram", "8"), "inserted from the journal before anything runs");
            d.start();
            try {
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertEquals(List.of("8"), handled, "handled again at the next start; 7 was done already");
                assertEquals("done", inbox.status("telegram", "8"));
                assertEquals(2, db.count("SELECT attempts FROM inbox WHERE key='8'"),
                        "its start before the crash is counted");
                assertEquals(List.of(), journalKeys(crashed.resolve("bot.db-inbox.log")));

                // The largest key is read from the table: after a smaller new key (the first store, which numbers
                // the ids, goes to the table), 8 re-sent is still a duplicate — a journal that took it for new would
                // hand it over again — and 9 is new.
                assertEquals(1, inbox.store("telegram", one("1", "9")));
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertEquals(0, inbox.store("telegram", one("8", "9")), "re-sent after the crash: found in the table");
                assertEquals(1, inbox.store("telegram", one("9", "10")));
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertEquals(List.of("8", "1", "9"), handled);
                assertEquals("done", inbox.status("telegram", "9"));
            } finally {
                d.stop(WAIT);
            }
        }
    }
}
