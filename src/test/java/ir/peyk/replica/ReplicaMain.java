package ir.peyk.replica;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Message;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.StoreLocation;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import ir.peyk.webhook.WebhookSecrets;
import ir.peyk.webhook.WebhookServer;
import java.time.Duration;
import java.util.Map;

/**
 * One replica in its own JVM: {@code ReplicaMain NAME STORE_URL API_URL TOKEN webhook|polling}. It answers each
 * message with "NAME: TEXT" (so a test sees which replica answered) and, in webhook mode, serves the webhook on a free
 * port it prints as "PORT n". The webhook secret comes from {@code PEYK_WEBHOOK_SECRET}, shared by all replicas.
 */
public final class ReplicaMain {
    public static void main(String[] args) throws Exception {
        String name = args[0];
        StoreLocation store = StoreLocation.parse(args[1], null, System.getenv());
        boolean webhook = args[4].equals("webhook");
        try (Database db = Database.open(store)) {
            TelegramTransport tg = new TelegramTransport(TelegramProfile.TELEGRAM, args[2], args[3],
                    new Throttle(Throttle.Limits.UNLIMITED),
                    new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5)), 1);
            BotApp app = BotApp.builder(db).transport(tg, webhook ? BotApp.Receive.WEBHOOK : BotApp.Receive.POLL)
                    .handleSignals(true).use((ctx, next) -> {
                        if (ctx.update() instanceof Message m) ctx.reply(name + ": " + m.text());
                    }).build();
            app.start();
            WebhookServer server = null;
            if (webhook) {
                server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, null, 65536),
                        app.inbox()).secrets(WebhookSecrets.load(db, System.getenv())).route(tg, null).build();
                server.start();
                System.out.println("PORT " + server.port());
            } else {
                System.out.println("STARTED");
            }
            System.out.flush();
            int code = app.awaitTermination();
            if (server != null) server.close();
            System.exit(code);
        }
    }

    private ReplicaMain() {}

    static Map<String, String> env(String secret) {
        return Map.of(WebhookSecrets.ENV, secret);
    }
}
