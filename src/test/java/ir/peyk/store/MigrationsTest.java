package ir.peyk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Inbox;
import ir.peyk.broadcast.BroadcastStore;
import ir.peyk.broadcast.Job;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Versioned migrations. {@code store/schema-v0.db} was written by the Peyk before versions existed (commit a822267's
 * parent, through its own repositories): two articles (the second the default), three subscribers, two chat languages,
 * an inbox with done, pending and poison rows and a polling offset, a running broadcast with three rows and a draft,
 * and a webhook secret.
 */
class MigrationsTest {
    @TempDir
    Path dir;

    private Path oldStore() throws Exception {
        Path file = dir.resolve("old.db");
        try (InputStream in = getClass().getResourceAsStream("/store/schema-v0.db")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void aStoreMadeBeforeVersionsIsUpgradedInPlaceWithNothingLost() throws Exception {
        Path file = oldStore();
        String secretBefore;
        try (Database raw = Database.openUnmigrated(new StoreLocation.Sqlite(file))) {
            assertEquals(0, Migrations.status(raw).current(), "no history yet");
            assertEquals(Migrations.latest(), Migrations.status(raw).pending().size());
            secretBefore = raw.text("SELECT secret FROM webhook_secret").orElseThrow();
        }
        try (Database db = Database.open(file)) {
            Migrations.Status status = Migrations.status(db);
            assertTrue(status.upToDate(), status.toString());
            assertEquals(List.of(1, 2, 3, 4, 5), status.applied().stream().map(Migrations.Applied::version).toList());

            ArticleRepository articles = new ArticleRepository(db);
            assertEquals(List.of("6627fbd9aefd", "5d9a273c03bc"),
                    articles.list().stream().map(ArticleRepository.Listing::id).toList());
            assertEquals("5d9a273c03bc", articles.defaultArticle().orElseThrow().id());
            assertTrue(articles.find("6627fbd9aefd").orElseThrow().raw().contains("مترو"));

            Subscribers subscribers = new Subscribers(db);
            assertEquals(3, subscribers.count());
            assertTrue(subscribers.isSubscribed("telegram", "-202"));
            assertEquals(Optional.of("en"), subscribers.language("telegram", "101"));
            assertEquals(Optional.of("fa"), subscribers.language("bale", "303"));

            Inbox inbox = new Inbox(db);
            assertEquals(Map.of("done", 1, "pending", 2, "poison", 1), inbox.counts());
            assertEquals("13", inbox.offset("telegram"));
            assertEquals(List.of("11"), inbox.pending(0, Set.of("telegram"), 10).stream().map(Inbox.Row::key).toList());
            assertEquals("done", inbox.status("telegram", "10"));
            assertEquals(0, inbox.store("telegram", new ir.peyk.adapter.Batch(List.of(
                    ir.peyk.adapter.Batch.Item.ok(new ir.peyk.adapter.Message("telegram", "10",
                    new ir.peyk.adapter.Chat("101", ir.peyk.adapter.Chat.Type.PRIVATE, null),
                    new ir.peyk.adapter.User("101", null, "u", false), "1", "again", false, 0))), "14")), "old keys still deduplicate");

            BroadcastStore broadcasts = new BroadcastStore(db);
            Job job = broadcasts.job(1).orElseThrow();
            assertEquals(Job.Status.RUNNING, job.status());
            assertEquals(3, job.total());
            assertEquals(Map.of("pending", 3), broadcasts.queue().countByStatus(1));
            assertEquals(Job.Status.PENDING_CONFIRMATION, broadcasts.job(2).orElseThrow().status());
            assertEquals(3, broadcasts.create("again", "admin", "fa", List::of).id(), "ids continue after the old ones");

            assertEquals(Optional.of(secretBefore), db.text("SELECT secret FROM webhook_secret"),
                    "the webhook URLs do not change with the upgrade");
            assertEquals(0, db.count("SELECT COUNT(*) FROM inbox WHERE claimed_by IS NOT NULL"), "version 2's column");
            // Version 5's partial indexes: the queries' conditions select them (INDEXED BY fails where one cannot serve)
            assertEquals(2, db.count("SELECT COUNT(*) FROM inbox INDEXED BY inbox_pending WHERE status='pending'"));
            assertEquals(2, db.count("SELECT COUNT(*) FROM inbox INDEXED BY inbox_finished WHERE status <> 'pending' "
                    + "AND finished_at IS NOT NULL AND finished_at < " + Long.MAX_VALUE));
        }
        try (Database again = Database.open(file)) {
            assertEquals(List.of(), Migrations.migrate(again), "nothing left to apply");
        }
    }

    @Test
    void theBotToldNotToMigrateRefusesAnOldStoreAndSaysWhatToRun() throws Exception {
        Path file = oldStore();
        StoreException e = assertThrows(StoreException.class,
                () -> Database.open(new StoreLocation.Sqlite(file), Database.Migrate.NO));
        assertTrue(e.getMessage().contains("peyk db migrate"), e.getMessage());
        assertTrue(e.getMessage().contains("version 0"), e.getMessage());
        try (Database raw = Database.openUnmigrated(new StoreLocation.Sqlite(file))) {
            assertEquals(0, Migrations.status(raw).current(), "refusing changed nothing");
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void aNewStoreIsAtTheLatestVersionAndAStoreNewerThanThisPeykIsRefused(String backend) {
        try (Backend store = Backend.of(backend)) {
            try (Database db = store.open()) {
                assertEquals(Migrations.latest(), Migrations.status(db).current());
                assertEquals(List.of(), Migrations.migrate(db));
                assertFalse(Migrations.status(db).applied().stream().anyMatch(Migrations.Applied::changed));
                db.update("INSERT INTO peyk_schema_history(version, description, checksum, applied_at) VALUES(?,?,?,?)",
                        99, "from the future", "x", 0L);
            }
            StoreException e = assertThrows(StoreException.class, store::open);
            assertTrue(e.getMessage().contains("newer than this Peyk"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void replicasStartingTogetherApplyEachVersionOnce(String backend) throws Exception {
        try (Backend store = Backend.of(backend)) {
            List<Thread> threads = new java.util.ArrayList<>();
            List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    try (Database db = store.open()) {
                        new Subscribers(db).subscribe("t", "1", false);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) t.join();
            assertEquals(List.of(), errors);
            try (Database db = store.open()) {
                assertEquals(Migrations.latest(), db.count("SELECT COUNT(*) FROM peyk_schema_history"));
                assertEquals(1, new Subscribers(db).count());
            }
        }
    }

    @Test
    void bothDialectsHaveEveryVersionAndScriptsSplitAtLineEndingSemicolons() {
        assertEquals(Migrations.scripts(Dialect.SQLITE).stream().map(Migrations.Script::version).toList(),
                Migrations.scripts(Dialect.POSTGRESQL).stream().map(Migrations.Script::version).toList());
        assertEquals(List.of("CREATE TABLE a(x TEXT DEFAULT ';')", "CREATE INDEX b ON a(x)"),
                Migrations.statements("-- a comment; with a semicolon\nCREATE TABLE a(x TEXT DEFAULT ';');\n"
                        + "CREATE INDEX b ON a(x);\n"));
    }
}
