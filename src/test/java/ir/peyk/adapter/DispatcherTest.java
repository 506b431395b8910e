package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher on a real SQLite inbox: the started marks of rows handed over straight. */
class DispatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static long attempts(Database db, String key) {
        return db.count("SELECT attempts FROM inbox WHERE transport='telegram' AND key=?", key);
    }

    private static Batch batch(String chat, String... keys) {
        return new Batch(java.util.Arrays.stream(keys).map(k -> InboxTest.msg("telegram", k, chat)).toList(), null);
    }

    @Test
    void aPollerWaitsForRoomWhileTheRowsInMemoryFillTheLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        try (Database db = Database.open(dir.resolve("inbox.db"))) {
            Inbox inbox = new Inbox(db);
            Dispatcher d = new Dispatcher(inbox, Set.of("telegram"), u -> {
                String key = ((Message) u).key();
                if (key.startsWith("k")) assertTrue(release.await(WAIT.toSeconds(), TimeUnit.SECONDS));
                handled.add(key);
            }, 1, Duration.ofDays(7));
            d.start();
            try {
                inbox.store("telegram", batch("0", "first"));
                assertTrue(d.awaitIdle("telegram", WAIT)); // from now on stored rows come straight
                String[] keys = java.util.stream.IntStream.range(0, Dispatcher.LOADED_MAX - 50)
                        .mapToObj(i -> "k" + i).toArray(String[]::new);
                inbox.store("telegram", batch("1", keys));
                assertTrue(d.awaitRoom(50, Duration.ZERO), "room for 50 more of the limit");
                assertFalse(d.awaitRoom(100, Duration.ofMillis(50)), "no room for a batch of 100 while none is handled");
                release.countDown();
                assertTrue(d.awaitRoom(100, WAIT), "room again once rows are handled");
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertEquals(Dispatcher.LOADED_MAX - 49, handled.size(), "every row handled");
                assertEquals(0, db.count("SELECT COUNT(*) FROM inbox WHERE attempts <> 1"), "each came straight, counted once");
            } finally {
                release.countDown();
                d.stop(WAIT);
            }
        }
    }

    @Test
    void aRowHandedOverIsStoredCountedAsStartedAndACleanStopTakesTheCountBackFromRowsItDidNotStart() throws Exception {
        Path file = dir.resolve("inbox.db");
        List<String> handled = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database db = Database.open(file)) {
            Inbox inbox = new Inbox(db);
            Dispatcher d = new Dispatcher(inbox, Set.of("telegram"), u -> {
                String key = ((Message) u).key();
                if (key.equals("b1")) {
                    holding.countDown();
                    assertTrue(release.await(WAIT.toSeconds(), TimeUnit.SECONDS));
                }
                handled.add(key);
            }, 1, Duration.ofDays(7));
            d.start();
            inbox.store("telegram", batch("9", "a"));
            assertTrue(d.awaitIdle("telegram", WAIT));
            // Nothing pending is left unclaimed: from now on a stored row goes to the dispatcher straight.
            inbox.store("telegram", batch("1", "b1", "b2", "b3"));
            assertTrue(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(1, attempts(db, "b1"), "the row being handled was counted before its handler ran");
            assertEquals(1, attempts(db, "b2"), "rows in hand are counted as they are stored");
            assertEquals(1, attempts(db, "b3"));

            Thread stopper = new Thread(() -> {
                try {
                    d.stop(WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!d.stopping() && System.nanoTime() < deadline) Thread.sleep(5);
            release.countDown();
            stopper.join(WAIT.toMillis());
            assertEquals(List.of("a", "b1"), handled, "a stop starts no new row");
            assertEquals("done", inbox.status("telegram", "b1"));
            assertEquals(1, attempts(db, "b1"), "a row that ran keeps its count");
            assertEquals(0, attempts(db, "b2"), "a clean stop is not a crash: rows it did not start are not counted");
            assertEquals(0, attempts(db, "b3"));
            assertEquals("pending", inbox.status("telegram", "b3"));
        }
        try (Database db = Database.open(file)) {
            Inbox inbox = new Inbox(db);
            Dispatcher d = new Dispatcher(inbox, Set.of("telegram"), u -> handled.add(((Message) u).key()), 2,
                    Duration.ofDays(7));
            d.start();
            try {
                assertTrue(d.awaitIdle("telegram", WAIT));
            } finally {
                d.stop(WAIT);
            }
            assertEquals(List.of("a", "b1", "b2", "b3"), handled, "the rows left pending are handled at the next start, in order");
            assertEquals(1, attempts(db, "b2"), "started once, by a mark of its own (it was claimed)");
        }
    }

    @Test
    void aRowHandedOverBeforeItIsStoredKeepsNothingItsHandlerDidWhenItIsNotStored() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        try (Database db = Database.open(dir.resolve("inbox.db"))) {
            // A COMMIT that fails: a deferred foreign key left broken by a trigger on one update's row.
            db.schema("CREATE TABLE effects(k TEXT)", "CREATE TABLE parent(id INTEGER PRIMARY KEY)",
                    "CREATE TABLE child(pid INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)",
                    "CREATE TRIGGER doom AFTER INSERT ON inbox WHEN NEW.key LIKE 'doomed%' "
                            + "BEGIN INSERT INTO child VALUES(999); END");
            Inbox inbox = new Inbox(db);
            Dispatcher d = new Dispatcher(inbox, Set.of("telegram"), u -> {
                String key = ((Message) u).key();
                handled.add(key);
                db.update("INSERT INTO effects(k) VALUES(?)", key); // waits for the row's commit
            }, 2, Duration.ofDays(7));
            d.start();
            try {
                inbox.store("telegram", batch("0", "first"));
                assertTrue(d.awaitIdle("telegram", WAIT)); // from now on stored rows come straight
                ir.peyk.store.StoreException failed = org.junit.jupiter.api.Assertions.assertThrows(
                        ir.peyk.store.StoreException.class, () -> inbox.store("telegram", batch("1", "doomed")));
                assertTrue(failed.getMessage().contains("FOREIGN KEY"), failed.getMessage());
                inbox.store("telegram", batch("1", "later"));
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertEquals(null, inbox.status("telegram", "doomed"), "rolled back");
                assertEquals(0, db.count("SELECT COUNT(*) FROM effects WHERE k='doomed'"),
                        "its handler ran, but its write was not kept");
                assertEquals(1, db.count("SELECT COUNT(*) FROM effects WHERE k='later'"));
                assertEquals("done", inbox.status("telegram", "later"), "the dispatcher goes on");
                assertEquals(0, db.count("SELECT COUNT(*) FROM inbox WHERE status <> 'done'"),
                        "no mark went to another row");
                assertEquals(3, db.count("SELECT id FROM inbox WHERE key='later'"),
                        "the id the rolled-back row held (2) is not given again");

                assertEquals(0, inbox.store("telegram", batch("1", "later")), "a duplicate stores nothing");
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertEquals(1, db.count("SELECT COUNT(*) FROM effects WHERE k='later'"),
                        "a duplicate's handler may run, but what it writes is not kept");
                assertEquals(1, db.count("SELECT COUNT(*) FROM inbox WHERE key='later'"));
            } finally {
                d.stop(WAIT);
            }
        }
    }

    @Test
    void aLoneUpdateKeptByItsStoringThreadRunsOnItOnceCommittedAndItsOffsetIsStoredWithItsDoneMark() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        try (Database db = Database.open(dir.resolve("inbox.db"))) {
            Inbox inbox = new Inbox(db);
            Dispatcher d = new Dispatcher(inbox, Set.of("telegram"), u -> {
                String key = ((Message) u).key();
                threads.add(key + "@" + Thread.currentThread().getName());
                // Stored before it is handled: what a handler does outside waits for its row's commit (a row handed
                // over straight may reach its handler while the commit runs).
                ir.peyk.store.CommitGate stored = ir.peyk.store.CommitGate.current();
                if (stored != null) stored.await();
                handled.add(key + " seen as " + inbox.status("telegram", key));
            }, 2, Duration.ofDays(7));
            d.start();
            try {
                inbox.store("telegram", new Batch(batch("0", "first").items(), "11"));
                assertTrue(d.awaitIdle("telegram", WAIT)); // from now on stored rows come straight
                assertEquals("11", db.text("SELECT next_offset FROM transport_offsets").orElse(null),
                        "stored once its update is handled");

                assertTrue(d.quiet(), "nothing in memory, rows come straight");
                d.keepLone();
                inbox.store("telegram", new Batch(batch("1", "lone").items(), "12"));
                inbox.store("telegram", new Batch(batch("1", "same chat, later").items(), "13"));
                assertFalse(d.quiet(), "its row is in memory");
                assertEquals("pending", inbox.status("telegram", "lone"), "committed, not run: it waits for runLone");
                assertEquals("13", inbox.offset("telegram"), "the next offset is known at once");
                d.runLone();
                assertEquals("lone@" + Thread.currentThread().getName(), threads.get(1), "run on the thread that kept it");
                assertTrue(d.awaitIdle("telegram", WAIT));
                assertTrue(threads.get(2).startsWith("same chat, later@peyk-worker-"),
                        "its chat's next row went on on a worker: " + threads);
                assertEquals(List.of("first seen as pending", "lone seen as pending", "same chat, later seen as pending"),
                        handled);
                assertEquals("done", inbox.status("telegram", "lone"));
                assertEquals("13", db.text("SELECT next_offset FROM transport_offsets").orElse(null),
                        "stored by the commit of a done mark");

                d.keepLone();
                inbox.store("telegram", new Batch(batch("1", "lone").items(), "14")); // a duplicate: kept, never run
                d.runLone();
                assertEquals(3, threads.size(), "a duplicate is not run");
                assertTrue(d.quiet());
            } finally {
                d.stop(WAIT);
            }
        }
    }
}
