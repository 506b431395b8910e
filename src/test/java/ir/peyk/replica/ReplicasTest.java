package ir.peyk.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.testing.FakeBotApi;
import ir.peyk.testing.Postgres;
import ir.peyk.webhook.WebhookSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas (separate JVMs) on one PostgreSQL behind a round-robin "load balancer" (this test), with one fake
 * Bot API. Every assertion is about what the fake received: replies, their count and their order per chat. No timing
 * is asserted; the waits are generous ceilings.
 */
class ReplicasTest {
    static final String SECRET = "replica-test-secret-0123456789abcdefghijklmno";
    static final String TOKEN = "42:replica-test-token";
    static final int CHATS = 300;
    static final int PER_CHAT = 10;
    /** A killed replica can have sent, and not yet recorded, at most one reply per handler thread. */
    static final int IN_FLIGHT_BOUND = ir.peyk.adapter.BotApp.DEFAULT_WORKERS;

    @TempDir
    Path dir;

    private final WebhookSecrets secrets = WebhookSecrets.fromEnv(SECRET);

    @Test
    void threeReplicasAnswerEveryWebhookUpdateOnceInOrderPerChatAndLoseNothingWhenOneIsKilled() throws Exception {
        try (Postgres pg = Postgres.fresh(); FakeBotApi api = FakeBotApi.start(TOKEN); Replicas replicas = new Replicas(dir)) {
            List<Replicas.Replica> rs = new ArrayList<>();
            for (String name : List.of("r0", "r1", "r2")) {
                rs.add(replicas.start(name, pg.url(), api.url(), TOKEN, "webhook", SECRET));
            }
            LoadBalancer lb = new LoadBalancer(rs, secrets);

            // 3,000 updates over 300 chats, update i posted to replica i % 3.
            lb.post(CHATS, 0, PER_CHAT, 6, -1, null);
            api.awaitCalls("sendMessage", CHATS * PER_CHAT, Duration.ofSeconds(300));
            Set<String> answeredBy = new TreeSet<>();
            for (int c = 0; c < CHATS; c++) {
                List<String> texts = api.sentTexts(chat(c));
                texts.forEach(t -> answeredBy.add(t.substring(0, t.indexOf(':'))));
                assertEquals(IntStream.range(0, PER_CHAT).boxed().toList(), seq(texts),
                        "chat " + c + " answered once each, in order: " + texts);
            }
            assertEquals(Set.of("r0", "r1", "r2"), answeredBy, "every replica handled chats");
            int before = api.calls("sendMessage").size();

            // 3,000 more; r0 is killed with SIGKILL after a third of them were accepted. Posts to it then fail and
            // the "load balancer" sends them to the next replica, as nginx would.
            lb.post(CHATS, PER_CHAT, PER_CHAT, 6, CHATS * PER_CHAT / 3, () -> {
                lb.markDead(0);
                try {
                    rs.get(0).kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            api.awaitCalls(c -> c.method().equals("sendMessage") && seqOf(c.param("text")) >= PER_CHAT
                    && c.status() == 200, CHATS * PER_CHAT, Duration.ofSeconds(300), "phase 2 replies");
            // Replies of rows the dead replica had in flight come a second time once its claims lapse: wait for the
            // store to say nothing is pending, so every late duplicate is counted.
            awaitNothingPending(pg);
            int duplicates = 0;
            for (int c = 0; c < CHATS; c++) {
                List<Integer> got = seq(api.sentTexts(chat(c))).subList(PER_CHAT, api.sentTexts(chat(c)).size());
                List<Integer> firsts = got.stream().distinct().toList();
                assertEquals(IntStream.range(PER_CHAT, 2 * PER_CHAT).boxed().toList(), firsts,
                        "chat " + c + ": nothing lost and in order (a repeat only of a reply in flight): " + got);
                duplicates += got.size() - firsts.size();
            }
            int total = api.calls("sendMessage").size() - before;
            System.out.println("replicas: phase 2 sent " + total + " replies for " + CHATS * PER_CHAT
                    + " updates; duplicates after the SIGKILL: " + duplicates);
            assertTrue(duplicates <= IN_FLIGHT_BOUND, "duplicates " + duplicates + " > bound " + IN_FLIGHT_BOUND);
        }
    }

    @Test
    void exactlyOneReplicaPollsATokenAndAnotherTakesOverWhenTheLeaderIsKilled() throws Exception {
        try (Postgres pg = Postgres.fresh(); FakeBotApi api = FakeBotApi.start(TOKEN); Replicas replicas = new Replicas(dir)) {
            List<Replicas.Replica> rs = new ArrayList<>();
            for (String name : List.of("p0", "p1")) {
                rs.add(replicas.start(name, pg.url(), api.url(), TOKEN, "polling", SECRET));
            }
            for (int i = 0; i < 20; i++) api.pushMessage(chat(i % 4), chat(i % 4), "m" + i);
            api.awaitCalls("sendMessage", 20, Duration.ofSeconds(120));
            // Who polls is in the logs, not in who replied: both replicas' dispatchers answer rows of the shared inbox.
            List<String> standing = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (standing.isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "no replica stands by");
                for (String name : List.of("p0", "p1")) if (replicas.log(name).contains("standing by")) standing.add(name);
                if (standing.isEmpty()) Thread.sleep(100);
            }
            assertEquals(1, standing.size(), "one replica polls (the other stands by): " + standing);
            String leader = standing.get(0).equals("p0") ? "p1" : "p0";
            awaitPending(pg, 0); // the last reply is recorded too: a kill now leaves nothing in flight
            Replicas.Replica dying = rs.get(leader.equals("p0") ? 0 : 1);
            dying.kill();

            for (int i = 20; i < 40; i++) api.pushMessage(chat(i % 4), chat(i % 4), "m" + i);
            api.awaitCalls("sendMessage", 40, Duration.ofSeconds(120));
            awaitPending(pg, 0);
            List<FakeBotApi.Call> all = api.calls("sendMessage");
            Set<String> after = new TreeSet<>();
            all.subList(20, all.size()).forEach(c -> after.add(c.param("text").substring(0, 2)));
            assertEquals(Set.of(leader.equals("p0") ? "p1" : "p0"), after, "the other replica took over");
            List<Integer> answered = all.stream().map(c -> seqOf(c.param("text"))).sorted().toList();
            assertEquals(IntStream.range(0, 40).boxed().toList(), answered, "each message answered exactly once");
            assertTrue(replicas.log(leader.equals("p0") ? "p1" : "p0").contains("took over polling"),
                    "the standby says it took over");
        }
    }

    private static void awaitPending(Postgres pg, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (var db = ir.peyk.store.Database.open(pg.location())) {
            while (db.count("SELECT COUNT(*) FROM inbox WHERE status='pending'") > n) {
                if (System.nanoTime() > deadline) throw new AssertionError("rows still pending after 3 minutes");
                Thread.sleep(200);
            }
        }
    }

    private static void awaitNothingPending(Postgres pg) throws Exception {
        awaitPending(pg, 0);
        try (var db = ir.peyk.store.Database.open(pg.location())) {
            assertEquals(0, db.count("SELECT COUNT(*) FROM inbox WHERE status <> 'done'"), "no row failed");
            assertEquals(2L * CHATS * PER_CHAT, db.count("SELECT COUNT(*) FROM inbox"), "each update stored once");
        }
    }

    static long chat(int c) {
        return LoadBalancer.chat(c);
    }

    /** The message numbers of replies "rN: mK", in arrival order. */
    static List<Integer> seq(List<String> texts) {
        return texts.stream().map(ReplicasTest::seqOf).toList();
    }

    static int seqOf(String text) {
        return text == null ? -1 : Integer.parseInt(text.substring(text.indexOf(": m") + 3));
    }
}
