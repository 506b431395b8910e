package ir.peyk.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.broadcast.BroadcastStore;
import ir.peyk.broadcast.Job;
import ir.peyk.broadcast.Recipient;
import ir.peyk.store.Database;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.testing.Postgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broadcast to 10,000 chats with three replicas on one PostgreSQL: every replica's worker sends, the fake Bot API
 * never sees more than the shared rate (plus the sends in flight) in any one-second window, the lease holder is SIGKILLed mid-job and the
 * others finish, and every chat gets the message (a repeat only for the dead worker's unrecorded sends: at most its
 * window, 100).
 */
class BroadcastReplicasTest {
    static final String TOKEN = "42:broadcast-replica-token";
    static final int RATE = 200;
    static final int RECIPIENTS = 10_000;
    static final int WINDOW = 100;

    @TempDir
    Path dir;

    @Test
    void threeReplicasKeepTheSharedRateAndFinishTheJobWhenTheSenderIsKilled() throws Exception {
        try (Postgres pg = Postgres.fresh(); FakeBotApi api = FakeBotApi.start(TOKEN); Replicas replicas = new Replicas(dir);
             Database db = Database.open(pg.location())) {
            List<Replicas.Replica> rs = new ArrayList<>();
            for (String name : List.of("b0", "b1", "b2")) {
                rs.add(replicas.start(name, pg.url(), api.url(), TOKEN, "broadcast", "x".repeat(40), String.valueOf(RATE)));
            }
            BroadcastStore store = new BroadcastStore(db);
            List<Recipient> to = IntStream.rangeClosed(1, RECIPIENTS)
                    .mapToObj(i -> new Recipient("telegram", String.valueOf(i), false, false)).toList();
            Job job = store.create("خبر تازه", "test", "fa", () -> to);

            // Every replica's worker sends: sample the owners of rows being sent while the job runs.
            long sendersSeen = 0;
            for (int i = 0; i < 100 && api.calls("sendMessage").size() < RECIPIENTS / 3; i++) {
                sendersSeen = Math.max(sendersSeen, db.count("SELECT COUNT(DISTINCT owner) FROM broadcast_deliveries "
                        + "WHERE status='sending'"));
                Thread.sleep(200);
            }
            api.awaitCalls("sendMessage", RECIPIENTS / 3, Duration.ofMinutes(3));
            assertTrue(sendersSeen >= 2, "rows were being sent by " + sendersSeen + " replica(s) at most");
            // Kill the lease holder: the coordinator's work (requeueing, completing) must pass on too.
            String owner = db.text("SELECT owner FROM broadcast_lease WHERE name='broadcast-worker'").orElseThrow();
            Replicas.Replica sender = rs.stream().filter(r -> owner.startsWith("worker-" + r.process().pid() + "-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no replica holds the lease: " + owner));
            sender.kill();

            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (store.job(job.id()).orElseThrow().status() != Job.Status.DONE) {
                assertTrue(System.nanoTime() < deadline, "the job did not finish: " + store.job(job.id()));
                Thread.sleep(500);
            }
            Job done = store.job(job.id()).orElseThrow();
            assertEquals(RECIPIENTS, done.sent(), done.toString());

            List<FakeBotApi.Call> sends = api.calls("sendMessage").stream().filter(c -> c.status() == 200).toList();
            Map<String, Integer> perChat = new HashMap<>();
            for (FakeBotApi.Call c : sends) perChat.merge(c.param("chat_id"), 1, Integer::sum);
            assertEquals(RECIPIENTS, perChat.size(), "every subscriber got the message");
            int duplicates = sends.size() - RECIPIENTS;
            assertTrue(duplicates <= WINDOW, "duplicates " + duplicates + " > the worker's window " + WINDOW);

            long[] at = sends.stream().mapToLong(FakeBotApi.Call::atNanos).sorted().toArray();
            int worst = 0;
            for (int i = 0, j = 0; i < at.length; i++) { // the busiest window [at[i], at[i] + 1 s)
                while (j < at.length && at[j] < at[i] + 1_000_000_000L) j++;
                worst = Math.max(worst, j - i);
            }
            System.out.println("broadcast replicas: " + sends.size() + " sends for " + RECIPIENTS + " chats ("
                    + duplicates + " repeats after the kill); busiest 1 s window " + worst + " at a rate of " + RATE);
            // The shared pace lets at most RATE sends start in any second; what the server counts may also hold the
            // sends that started just before the window and arrived in it — at most those in flight, one per sender
            // of each replica — however late a loaded machine delivers them.
            int inFlight = rs.size() * ir.peyk.broadcast.WorkerSettings.DEFAULT.concurrency();
            assertTrue(worst <= RATE + inFlight, "a 1 s window held " + worst + " sends, over " + RATE + " + " + inFlight + " in flight");
        }
    }
}
