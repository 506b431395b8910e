package ir.peyk.testing;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Message;
import ir.peyk.store.Database;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A bot in its own JVM, for crash tests: {@code ChildBot API_URL TOKEN DB_FILE}. Each message gets a "typing"
 * indicator and then the reply "echo: TEXT", so a test can hold the typing call and kill the process mid-handling.
 */
public final class ChildBot {
    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[2]))) {
            TelegramTransport t = new TelegramTransport(TelegramProfile.TELEGRAM, args[0], args[1],
                    new Throttle(Throttle.Limits.UNLIMITED),
                    new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5)), 1);
            BotApp app = BotApp.builder(db).transport(t).handleSignals(true).use((ctx, next) -> {
                if (ctx.update() instanceof Message m) {
                    ctx.transport().typing(ctx.chat().id());
                    ctx.reply("echo: " + m.text());
                }
            }).build();
            app.start();
            System.exit(app.awaitTermination());
        }
    }
}
