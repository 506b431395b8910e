package ir.peyk.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.Throttle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise, for real: a worker in a child JVM is killed with SIGKILL in the middle of a job; a new
 * worker resumes it. Every subscriber gets the message, and duplicates stay within the documented window.
 */
class KillAndResumeTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final int SUBSCRIBERS = 2000;

    @TempDir
    Path dir;

    @Test
    void aWorkerKilledMidJobIsResumedWithoutLossAndWithinTheDuplicateWindow() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(Kit.TOKEN)) {
            PeykConfig config = Kit.config(dir, api.url(), List.of());
            try (Database db = Database.open(config.store())) {
                Subscribers subs = new Subscribers(db);
                Kit.subscribe(db, subs, 1, SUBSCRIBERS);
                Broadcasts b = new Broadcasts(new BroadcastStore(db), subs, config);
                Job job = b.create("resume me", "cli", "en");

                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
                        config.store().toString(), api.url(), "500")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile())
                        .start();
                try {
                    api.awaitCalls("sendMessage", 400, Duration.ofSeconds(60));
                } finally {
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no last commit
                    child.waitFor();
                }
                int seenAtKill = api.calls("sendMessage").size();
                Job atKill = b.store().job(job.id()).orElseThrow();
                assertTrue(atKill.sent() < SUBSCRIBERS, "killed mid-job: " + atKill.sent() + " recorded");
                assertTrue(atKill.sent() <= seenAtKill);

                BroadcastWorker resumed = new BroadcastWorker(b.store(), subs,
                        Map.of("telegram", Kit.transport(api, Throttle.Limits.UNLIMITED)), Kit.fastSettings());
                resumed.start(); // takes the dead worker's lease once it expires, requeues its in-flight rows
                try {
                    Job done = Kit.awaitFinished(b.store(), job.id(), Duration.ofSeconds(60));
                    assertEquals(Job.Status.DONE, done.status());
                    assertEquals(SUBSCRIBERS, done.sent());
                    assertEquals(Map.of("sent", SUBSCRIBERS), b.store().queue().countByStatus(job.id()));
                } finally {
                    resumed.stop(Duration.ofSeconds(5));
                }

                Map<String, Integer> got = Kit.delivered(api);
                for (int id = 1; id <= SUBSCRIBERS; id++) {
                    assertTrue(got.getOrDefault(Integer.toString(id), 0) >= 1, "chat " + id + " got nothing");
                }
                int duplicates = got.values().stream().mapToInt(n -> n - 1).sum();
                System.out.printf("kill-and-resume: %d sends seen at the kill, %d recorded, %d duplicates%n",
                        seenAtKill, atKill.sent(), duplicates);
                assertTrue(duplicates <= WorkerSettings.DEFAULT.window(),
                        duplicates + " duplicates, more than the window of " + WorkerSettings.DEFAULT.window());
            }
        }
    }
}
