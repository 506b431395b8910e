package ir.peyk.webhook;

import ir.peyk.adapter.Inbox;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.nio.file.Path;

/**
 * The process {@link WebhookCrashTest} kills: a webhook server storing Telegram posts into the real inbox, with no
 * dispatcher at all (as if the process died right after acknowledging). Args: database path. Prints "PORT n".
 */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        TelegramTransport tg = new TelegramTransport(TelegramProfile.TELEGRAM, "http://127.0.0.1:9", "1:decode-only",
                new Throttle(Throttle.Limits.UNLIMITED), RetryPolicy.DEFAULT, 0);
        WebhookServer server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, null, 65536),
                new Inbox(db)).secrets(WebhookSecrets.load(db, System.getenv())).route(tg, null).build();
        server.start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
