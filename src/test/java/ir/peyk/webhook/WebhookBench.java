package ir.peyk.webhook;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Inbox;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Load-test target (not a unit test): a webhook server on loopback storing Telegram posts in a real SQLite inbox.
 * {@code --handle} also runs the dispatcher with a no-op handler, as in production (it competes for the store).
 * Prints the URL and the header secret; runs until stdin closes, then prints the inbox counts.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) ir.peyk.webhook.WebhookBench [--handle] [port]
 * PEYK_BENCH_HEADER=... wrk -t2 -c16 -d20s --latency -s src/test/resources/bench/telegram-webhook.lua URL
 * </pre>
 */
public final class WebhookBench {
    public static void main(String[] args) throws Exception {
        boolean handle = List.of(args).contains("--handle");
        int port = List.of(args).stream().filter(a -> a.matches("\\d+")).map(Integer::parseInt).findFirst().orElse(0);
        Path dir = Files.createTempDirectory("peyk-bench");
        String token = "1:bench";
        PeykConfig.WebhookConfig wc = new PeykConfig.WebhookConfig(true, "127.0.0.1", port, null, 1 << 20);
        WebhookSecrets secrets = WebhookSecrets.fromEnv("bench-secret-0123456789abcdefghijklmnopqrstuvwxyz");
        try (FakeBotApi api = FakeBotApi.start(token); Database db = Database.open(dir.resolve("bench.db"))) {
            TelegramTransport tg = new TelegramTransport(TelegramProfile.TELEGRAM, api.url(), token,
                    new Throttle(Throttle.Limits.UNLIMITED), RetryPolicy.DEFAULT, 0);
            BotApp app = null;
            Inbox inbox;
            if (handle) {
                app = BotApp.builder(db).transport(tg, BotApp.Receive.WEBHOOK).use((ctx, next) -> {}).build();
                app.start();
                inbox = app.inbox();
            } else {
                inbox = new Inbox(db);
            }
            WebhookServer server = WebhookServer.builder(wc, inbox).secrets(secrets).route(tg, null).build();
            server.start();
            System.out.println("URL http://127.0.0.1:" + server.port() + server.path("telegram"));
            System.out.println("HEADER " + secrets.headerSecret("telegram"));
            System.out.flush();
            while (System.in.read() >= 0) {
                // run until stdin closes
            }
            server.close();
            if (app != null) {
                app.stop();
            }
            Map<String, Integer> counts = inbox.counts();
            System.out.println("INBOX " + counts);
        }
    }
}
