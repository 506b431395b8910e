package ir.peyk.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.store.Backend;
import ir.peyk.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Part of the store contract: broadcast jobs, delivery rows and the worker lease on SQLite and on PostgreSQL. */
class BroadcastStoreContractTest {
    private static List<Recipient> recipients(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Recipient("telegram", String.valueOf(100 + i), i == 0, false)).toList();
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void aJobsRowsGoFromPendingThroughSendingToFinalAndTheJobCompletes(String backend) {
        try (Backend store = Backend.of(backend); Database db = store.open()) {
            BroadcastStore b = new BroadcastStore(db);
            Job draft = b.draft("سلام", "telegram:1", "fa");
            assertEquals(Job.Status.PENDING_CONFIRMATION, draft.status());
            List<Recipient> four = new java.util.ArrayList<>(recipients(4));
            four.add(four.get(1)); // listed twice: one row
            Job job = b.start(draft.id(), () -> four).orElseThrow();
            assertTrue(b.start(draft.id(), () -> four).isEmpty(), "confirmed twice");
            assertEquals(4, job.total());
            assertEquals(Job.Status.RUNNING, job.status());

            WorkerLease lease = new WorkerLease(db, "w1", Duration.ofSeconds(30));
            assertTrue(lease.acquireOrRenew(new int[1]));
            if (lease.parallel()) lease.beatWorker();
            DeliveryQueue q = b.queue();
            long now = System.currentTimeMillis();
            assertEquals(List.of(), q.claim("w2", Set.of("telegram"), 10, now), "no lease, no rows");
            List<Delivery> rows = q.claim("w1", Set.of("telegram"), 10, now);
            assertEquals(4, rows.size());
            assertTrue(rows.get(0).group());
            assertEquals(Map.of("sending", 4), q.countByStatus(job.id()));
            q.record("w1", List.of(DeliveryResult.sent(rows.get(0)), DeliveryResult.failed(rows.get(1), "blocked"),
                    DeliveryResult.retry(rows.get(2), "429", now + 60_000), DeliveryResult.sent(rows.get(3))), now);
            assertEquals(Map.of("sent", 2, "failed", 1, "pending", 1), q.countByStatus(job.id()));
            assertEquals(List.of(), q.claim("w1", Set.of("telegram"), 10, now), "the retry is not due yet");
            assertEquals(now + 60_000, q.nextDue(Set.of("telegram")).orElseThrow());
            assertEquals(List.of(), q.completeFinished(now));
            List<Delivery> retry = q.claim("w1", Set.of("telegram"), 10, now + 60_000);
            assertEquals(1, retry.size());
            q.record("w1", List.of(DeliveryResult.sent(retry.get(0))), now);
            assertEquals(List.of(job.id()), q.completeFinished(now));
            Job done = b.job(job.id()).orElseThrow();
            assertEquals(Job.Status.DONE, done.status());
            assertEquals(3, done.sent());
            assertEquals(1, done.failed());
            assertEquals(Map.of("blocked", 1), b.failures(job.id(), 10));
            b.setNotify(job.id(), new Job.Notify("telegram", "1", "77"));
            assertTrue(b.takeSummary(job.id()));
            assertFalse(b.takeSummary(job.id()), "exactly once");
            assertEquals(List.of(job.id()), b.recent(5).stream().map(Job::id).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void onPostgresqlEveryLiveWorkerClaimsItsOwnRowsOnSqliteOnlyTheLeaseHolder(String backend) throws Exception {
        try (Backend store = Backend.of(backend); Database db = store.open()) {
            BroadcastStore b = new BroadcastStore(db);
            Job job = b.create("hi", "cli", "en", () -> recipients(10));
            WorkerLease first = new WorkerLease(db, "first", Duration.ofSeconds(30));
            WorkerLease second = new WorkerLease(db, "second", Duration.ofSeconds(30));
            assertTrue(first.acquireOrRenew(new int[1]));
            assertFalse(second.acquireOrRenew(new int[1]), "one lease holder");
            long now = System.currentTimeMillis();
            if (!first.parallel()) {
                assertEquals(List.of(), b.queue().claim("second", Set.of("telegram"), 4, now));
                return;
            }
            assertEquals(List.of(), b.queue().claim("second", Set.of("telegram"), 4, now), "no heartbeat, no rows");
            first.beatWorker();
            second.beatWorker();
            List<Delivery> a = b.queue().claim("first", Set.of("telegram"), 4, now);
            List<Delivery> c = b.queue().claim("second", Set.of("telegram"), 4, now);
            assertEquals(4, a.size());
            assertEquals(4, c.size());
            assertTrue(a.stream().noneMatch(c::contains), "disjoint");
            // "second" goes silent: the lease holder's round requeues its rows, not the live worker's.
            WorkerLease holder = new WorkerLease(db, "first", Duration.ofMillis(1));
            db.update("UPDATE broadcast_lease SET heartbeat=heartbeat-60000 WHERE name=?", "worker:second");
            first.beatWorker();
            assertEquals(4, new WorkerLease(db, "first", Duration.ofSeconds(30)).requeueDead());
            assertEquals(Map.of("sending", 4, "pending", 6), b.queue().countByStatus(job.id()));
            assertEquals(List.of(), b.queue().claim("second", Set.of("telegram"), 4, now), "its heartbeat row is gone");
            assertTrue(holder.parallel());
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void aDeadWorkersRowsGoBackToPendingWhenTheLeaseIsTakenOverAndCancelSkipsTheRest(String backend) throws Exception {
        try (Backend store = Backend.of(backend); Database db = store.open()) {
            BroadcastStore b = new BroadcastStore(db);
            Job job = b.create("hi", "cli", "en", () -> recipients(5));
            WorkerLease dead = new WorkerLease(db, "dead", Duration.ofMillis(1));
            assertTrue(dead.acquireOrRenew(new int[1]));
            if (dead.parallel()) dead.beatWorker();
            assertEquals(3, b.queue().claim("dead", Set.of("telegram"), 3, System.currentTimeMillis()).size());
            Thread.sleep(5); // the dead worker's heartbeat is now older than the 1 ms timeout
            WorkerLease next = new WorkerLease(db, "next", Duration.ofMillis(1));
            int[] requeued = new int[1];
            assertTrue(next.acquireOrRenew(requeued));
            assertEquals(3, requeued[0]);
            assertEquals(Map.of("pending", 5), b.queue().countByStatus(job.id()));
            assertEquals(5, b.queue().unfinished());
            b.cancel(job.id());
            assertEquals(Map.of("cancelled", 5), b.queue().countByStatus(job.id()));
            assertEquals(5, b.job(job.id()).orElseThrow().skipped());
            assertEquals(List.of(), b.running());
        }
    }
}
