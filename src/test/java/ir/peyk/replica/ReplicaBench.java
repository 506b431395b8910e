package ir.peyk.replica;

import ir.peyk.testing.FakeBotApi;
import ir.peyk.testing.Postgres;
import ir.peyk.webhook.WebhookSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a test): webhook updates per second handled end to end — posted, stored in the inbox, claimed,
 * handled (an echo reply to a fake Bot API) and recorded — by N replica processes on one PostgreSQL, or by one process
 * on SQLite. A warm-up round runs first (JIT), then the measured round; the time is from the first post to the last
 * reply at the fake.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) ir.peyk.replica.ReplicaBench postgresql 3 [chats] [perChat]
 * java -cp ... ir.peyk.replica.ReplicaBench sqlite 1
 * </pre>
 */
public final class ReplicaBench {
    public static void main(String[] args) throws Exception {
        String backend = args[0];
        int n = Integer.parseInt(args[1]);
        int chats = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int perChat = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String secret = "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz";
        String token = "1:bench";
        Path dir = Files.createTempDirectory("peyk-replica-bench");
        Postgres pg = backend.equals("postgresql") ? Postgres.fresh() : null;
        String store = pg != null ? pg.url() : dir.resolve("bench.db").toString();
        if (pg == null && n != 1) throw new IllegalArgumentException("SQLite is one process: use 1 replica");
        try (FakeBotApi api = FakeBotApi.start(token); Replicas replicas = new Replicas(dir)) {
            List<Replicas.Replica> rs = new ArrayList<>();
            for (int i = 0; i < n; i++) rs.add(replicas.start("r" + i, store, api.url(), token, "webhook", secret));
            LoadBalancer lb = new LoadBalancer(rs, WebhookSecrets.fromEnv(secret));
            int total = chats * perChat;
            for (int round = 0; round < 2; round++) {
                int before = api.calls("sendMessage").size();
                long start = System.nanoTime();
                lb.post(chats, round * perChat, perChat, 16, -1, null);
                long posted = System.nanoTime();
                api.awaitCalls("sendMessage", before + total, Duration.ofMinutes(10));
                long end = System.nanoTime();
                if (round == 0) continue; // warm-up
                System.out.printf("%s, %d replica(s): %d updates over %d chats: posted in %.1f s, all answered in %.1f s"
                        + " = %.0f updates/s%n", backend, n, total, chats, (posted - start) / 1e9, (end - start) / 1e9,
                        total / ((end - start) / 1e9));
            }
        } finally {
            if (pg != null) pg.close();
        }
    }

    private ReplicaBench() {}
}
