package ir.peyk.replica;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Message;
import ir.peyk.broadcast.BroadcastService;
import ir.peyk.broadcast.BroadcastStore;
import ir.peyk.broadcast.Broadcasts;
import ir.peyk.broadcast.WorkerSettings;
import ir.peyk.store.Subscribers;
import java.nio.file.Path;
import java.util.List;
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
 * One replica in its own JVM: {@code ReplicaMain NAME STORE_URL API_URL TOKEN webhook|polling|broadcast [RATE]}. It
 * answers each message with "NAME: TEXT" (so a test sees which replica answered) and, in webhook mode, serves the
 * webhook on a free port it prints as "PORT n". The webhook secret comes from {@code PEYK_WEBHOOK_SECRET}, shared by
 * all replicas. In broadcast mode it receives nothing and runs the broadcast worker, at RATE messages per second
 * (the config's throttle.overallPerSecond), with a 2 s lease.
 */
public final class ReplicaMain {
    public static void main(String[] args) throws Exception {
        String name = args[0];
        StoreLocation store = StoreLocation.parse(args[1], null, System.getenv());
        boolean webhook = args[4].equals("webhook");
        boolean broadcast = args[4].equals("broadcast");
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        try (Database db = Database.open(store)) {
            TelegramTransport tg = new TelegramTransport(TelegramProfile.TELEGRAM, args[2], args[3],
                    new Throttle(broadcast ? new Throttle.Limits(rate, 0, 0) : Throttle.Limits.UNLIMITED),
                    new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5)), 1);
            BotApp.Builder builder = BotApp.builder(db).transport(tg, webhook ? BotApp.Receive.WEBHOOK
                    : broadcast ? BotApp.Receive.NONE : BotApp.Receive.POLL).handleSignals(true).use((ctx, next) -> {
                        if (ctx.update() instanceof Message m) ctx.reply(name + ": " + m.text());
                    });
            if (broadcast) {
                Subscribers subscribers = new Subscribers(db);
                PeykConfig config = new PeykConfig(null, null, Map.of(), List.of(),
                        new PeykConfig.ThrottleConfig(rate, 0, 0), new PeykConfig.WebhookConfig(false, "127.0.0.1", 0,
                        null, 65536), Path.of("."), store);
                builder.service(new BroadcastService(new Broadcasts(new BroadcastStore(db), subscribers, config),
                        subscribers, WorkerSettings.DEFAULT.withLease(Duration.ofMillis(500), Duration.ofSeconds(2)),
                        rate));
            }
            BotApp app = builder.build();
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
