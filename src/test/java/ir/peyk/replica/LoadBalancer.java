package ir.peyk.replica;

import ir.peyk.webhook.WebhookSecrets;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What stands in front of the replicas in these tests: posts Telegram webhook updates round-robin over the replicas,
 * and on a failure (a dead replica, a 503) to the next live one — as nginx with {@code proxy_next_upstream} would, or
 * the platform retrying later. Updates of one chat are posted one after another (the next once the last was
 * accepted); different chats from several client threads at once.
 */
final class LoadBalancer {
    static final MediaType JSON = MediaType.get("application/json");

    private final List<Replicas.Replica> replicas;
    private final WebhookSecrets secrets;
    private final Set<Integer> dead = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .connectionPool(new ConnectionPool(32, 1, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)).build();

    LoadBalancer(List<Replicas.Replica> replicas, WebhookSecrets secrets) {
        this.replicas = List.copyOf(replicas);
        this.secrets = secrets;
    }

    /** Stops sending to replica {@code i} (it was killed). */
    void markDead(int i) {
        dead.add(i);
    }

    /**
     * Posts messages {@code from..from+perChat-1} of chats {@code 0..chats-1} from {@code threads} client threads;
     * after {@code eventAfter} accepted posts runs {@code event} once (null: none).
     */
    void post(int chats, int from, int perChat, int threads, int eventAfter, Runnable event) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int k = from; k < from + perChat; k++) {
                        for (int c = thread; c < chats; c += threads) {
                            long updateId = 1_000_000L + (long) k * chats + c;
                            deliver(next.getAndIncrement() % replicas.size(), update(updateId, c, k));
                            if (accepted.incrementAndGet() == eventAfter && event != null) event.run();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) f.get(10, TimeUnit.MINUTES);
        } finally {
            pool.shutdown();
        }
    }

    private void deliver(int target, String body) throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            int i = (target + attempt) % replicas.size();
            if (dead.contains(i)) continue;
            Request req = new Request.Builder()
                    .url("http://127.0.0.1:" + replicas.get(i).port() + "/hook/telegram/" + secrets.pathSecret("telegram"))
                    .header("X-Telegram-Bot-Api-Secret-Token", secrets.headerSecret("telegram"))
                    .post(RequestBody.create(body, JSON)).build();
            try (Response resp = http.newCall(req).execute()) {
                if (resp.code() == 200) return;
            } catch (IOException e) {
                // the replica died under the request: the next one gets it
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no replica accepted " + body);
    }

    static long chat(int c) {
        return 500_000 + c;
    }

    /** A Telegram update: message "mK" in private chat c. */
    static String update(long updateId, int c, int k) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (k + 1) + ",\"from\":{\"id\":" + chat(c)
                + ",\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":" + chat(c) + ",\"type\":\"private\"},"
                + "\"date\":1735000000,\"text\":\"m" + k + "\"}}";
    }
}
