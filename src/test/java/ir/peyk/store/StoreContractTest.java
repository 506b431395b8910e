package ir.peyk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Batch;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.Inbox;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.User;
import ir.peyk.webhook.WebhookSecrets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store contract: the same tests on a SQLite file and on PostgreSQL, for each concern that is not tested this
 * way in its own package (articles: {@link ArticleRepositoryTest}; broadcast rows: BroadcastStoreContractTest).
 */
class StoreContractTest {
    static Batch.Item msg(String transport, String key, String chat) {
        return Batch.Item.ok(new Message(transport, key, new Chat(chat, Chat.Type.PRIVATE, null),
                new User(chat, null, "u", false), "1", "text " + key, false, 0));
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void subscribersAndChatLanguagesAreKeptPerTransportAndChat(String backend) {
        try (Backend store = Backend.of(backend)) {
            try (Database db = store.open()) {
                Subscribers s = new Subscribers(db);
                assertTrue(s.subscribe("telegram", "1", false));
                assertFalse(s.subscribe("telegram", "1", true), "already subscribed");
                assertTrue(s.subscribe("bale", "1", false), "one person on two messengers is two subscribers");
                assertTrue(s.subscribe("telegram", "-5", true));
                assertTrue(s.unsubscribe("bale", "1"));
                assertFalse(s.unsubscribe("bale", "1"));
                s.setLanguage("telegram", "1", "en");
                s.setLanguage("telegram", "1", "fa");
                s.setLanguage("bale", "9", "en");
            }
            try (Database db = store.open()) {
                Subscribers s = new Subscribers(db);
                assertEquals(2, s.count());
                assertEquals(Set.of(new Subscribers.Subscriber("telegram", "1", false),
                        new Subscribers.Subscriber("telegram", "-5", true)), Set.copyOf(s.all()));
                assertTrue(s.isSubscribed("telegram", "-5"));
                assertFalse(s.isSubscribed("bale", "1"));
                assertEquals(Optional.of("fa"), s.language("telegram", "1"), "the last choice wins");
                assertEquals(Optional.of("en"), s.language("bale", "9"));
                assertEquals(Optional.empty(), s.language("telegram", "-5"));
                // Asked on every update, so SQLite keeps the answers in memory: a change made through another
                // object on the same store is seen at once, and so is a first choice after "none".
                Subscribers other = new Subscribers(db);
                other.setLanguage("telegram", "1", "en");
                other.setLanguage("telegram", "-5", "en");
                assertEquals(Optional.of("en"), s.language("telegram", "1"));
                assertEquals(Optional.of("en"), s.language("telegram", "-5"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void theInboxStoresOnceKeepsOffsetsAndPoisonAndPrunes(String backend) {
        try (Backend store = Backend.of(backend)) {
            try (Database db = store.open()) {
                Inbox inbox = new Inbox(db);
                assertEquals(null, inbox.offset("telegram"));
                assertEquals(2, inbox.store("telegram", new Batch(List.of(msg("telegram", "0", "1"),
                        msg("telegram", "1", "2"), Batch.Item.poison("2", "bad json")), "3")));
                assertEquals(0, inbox.store("telegram", new Batch(List.of(msg("telegram", "1", "2")), "4")), "duplicate");
                assertEquals(1, inbox.store("bale", new Batch(List.of(msg("bale", "1", "2")), null)));
                assertEquals("4", inbox.offset("telegram"), "the offset moves even when every item was a duplicate");
                assertEquals(Map.of("pending", 3, "poison", 1), inbox.counts());
            }
            try (Database db = store.open()) {
                Inbox inbox = new Inbox(db);
                List<Inbox.Row> rows = inbox.pending(0, Set.of("telegram"), 10);
                assertEquals(List.of("0", "1"), rows.stream().map(Inbox.Row::key).toList());
                inbox.started(rows.get(0).id());
                assertEquals(1, inbox.pending(0, Set.of("telegram"), 10).get(0).attempts());
                inbox.done(rows.get(0).id());
                inbox.failed(rows.get(1).id(), "handler threw");
                assertEquals("failed", inbox.status("telegram", "1"));
                assertEquals(List.of(), inbox.pending(0, Set.of("telegram"), 10));
                assertEquals(0, inbox.prune(Duration.ofDays(1)));
                assertEquals(3, inbox.prune(Duration.ZERO.minusSeconds(1)), "done, failed and poison rows pruned");
                assertEquals(1, inbox.pendingCount(null));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void aChatIsClaimedByOneConsumerAtATimeInOrderUntilItsClaimLapses(String backend) {
        Duration lease = Duration.ofSeconds(10);
        long t = 1_000_000;
        try (Backend store = Backend.of(backend); Database db = store.open()) {
            Inbox inbox = new Inbox(db);
            inbox.store("telegram", new Batch(List.of(msg("telegram", "a1", "A"), msg("telegram", "b1", "B"),
                    msg("telegram", "a2", "A")), null));
            Set<String> tg = Set.of("telegram");
            assertEquals(List.of("a1", "b1"), keys(inbox.claim("x", tg, 10, t, lease)), "the head of each chat");
            assertEquals(List.of(), keys(inbox.claim("y", tg, 10, t, lease)), "both chats are x's");
            assertEquals(List.of("a2"), keys(inbox.claim("x", tg, 10, t, lease)), "x may go on with its own chat");
            inbox.done(id(inbox, "a1"));
            assertEquals(List.of(), keys(inbox.claim("y", tg, 10, t, lease)), "a2 is still x's");

            // x dies: once its claims lapse, y takes its chats over from their oldest pending row.
            long later = t + lease.toMillis() + 1;
            assertEquals(List.of("b1", "a2"), keys(inbox.claim("y", tg, 10, later, lease)));
            assertEquals(List.of(), keys(inbox.claim("x", tg, 10, later, lease)), "x, back, finds them taken");

            // A clean stop hands a chat over at once; renewal keeps it.
            assertEquals(2, inbox.renew("y", later + 5 * lease.toMillis()));
            assertEquals(List.of(), keys(inbox.claim("x", tg, 10, later + 2 * lease.toMillis(), lease)), "renewed");
            assertEquals(2, inbox.release("y"));
            assertEquals(List.of("b1", "a2"), keys(inbox.claim("x", tg, 10, later, lease)));
            assertEquals(2, inbox.release(null), "every claim (a SQLite store at start)");
            assertEquals(List.of("b1"), keys(inbox.claim("z", tg, 1, later, lease)), "the limit holds");
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void theWebhookSecretIsMadeOnceKeptAndRotated(String backend) {
        try (Backend store = Backend.of(backend)) {
            String first;
            try (Database db = store.open()) {
                first = WebhookSecrets.load(db, Map.of()).pathSecret("bale");
                assertEquals(first, WebhookSecrets.load(db, Map.of()).pathSecret("bale"));
            }
            try (Database db = store.open()) {
                assertEquals(first, WebhookSecrets.load(db, Map.of()).pathSecret("bale"), "survives a restart");
                WebhookSecrets.rotate(db);
                assertNotEquals(first, WebhookSecrets.load(db, Map.of()).pathSecret("bale"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void oneLeaderPerNameUntilItLetsGo(String backend) {
        try (Backend store = Backend.of(backend); Database a = store.open(); Database b = store.open();
             Leadership first = a.leadership("poll:telegram"); Leadership second = b.leadership("poll:telegram");
             Leadership other = b.leadership("poll:bale")) {
            assertTrue(first.lead());
            assertTrue(first.lead(), "still leading");
            assertTrue(other.lead(), "another name has its own leader");
            if (a.dialect() == Dialect.SQLITE) {
                assertTrue(second.lead(), "SQLite has one process: it always leads");
                return;
            }
            assertFalse(second.lead(), "one leader per name across processes");
            first.close();
            assertTrue(second.lead(), "the lead is free once its holder lets go (or dies with its connection)");
            assertFalse(first.lead(), "and the old holder does not get it back while the new one lives");
        }
    }

    private static List<String> keys(List<Inbox.Row> rows) {
        return rows.stream().map(Inbox.Row::key).toList();
    }

    private static long id(Inbox inbox, String key) {
        return inbox.pending(0, Set.of("telegram"), 100).stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow().id();
    }
}
