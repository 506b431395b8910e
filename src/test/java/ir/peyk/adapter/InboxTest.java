package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ir.peyk.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox on a real SQLite file. */
class InboxTest {
    @TempDir
    Path dir;

    static Batch.Item msg(String transport, String key, String chat) {
        return Batch.Item.ok(new Message(transport, key, new Chat(chat, Chat.Type.PRIVATE, null),
                new User(chat, null, "u", false), "1", "text " + key, false, 0));
    }

    @Test
    void storesOnceKeepsOffsetsAndPoisonAndSurvivesReopening() {
        Path file = dir.resolve("inbox.db");
        try (Database db = Database.open(file)) {
            Inbox inbox = new Inbox(db);
            assertNull(inbox.offset("telegram"));
            assertEquals(2, inbox.store("telegram", new Batch(List.of(msg("telegram", "0", "1"), msg("telegram", "1", "2"),
                    Batch.Item.poison("2", "bad json")), "3")));
            assertEquals(0, inbox.store("telegram", new Batch(List.of(msg("telegram", "1", "2")), "3")), "duplicate");
            assertEquals(1, inbox.store("bale", new Batch(List.of(msg("bale", "1", "2")), null)), "keys are per transport");
            assertEquals("3", inbox.offset("telegram"));
            assertNull(inbox.offset("bale"), "a batch without an offset (webhook) stores none");
            assertEquals(Map.of("pending", 3, "poison", 1), inbox.counts());
        }
        try (Database db = Database.open(file)) {
            Inbox inbox = new Inbox(db);
            List<Inbox.Row> rows = inbox.pending(0, Set.of("telegram"), 10);
            assertEquals(List.of("0", "1"), rows.stream().map(Inbox.Row::key).toList());
            assertEquals("telegram:1", rows.get(0).orderingKey());
            inbox.started(rows.get(0).id());
            inbox.done(rows.get(0).id());
            inbox.failed(rows.get(1).id(), "handler threw");
            assertEquals(List.of(), inbox.pending(0, Set.of("telegram"), 10));
            assertEquals(0, inbox.prune(Duration.ofDays(1)), "recent rows are kept");
            assertEquals(3, inbox.prune(Duration.ZERO.minusSeconds(1)), "finished rows (done, failed, poison) pruned");
            assertEquals(1, inbox.pendingCount(null), "pending rows are never pruned");
        }
    }
}
