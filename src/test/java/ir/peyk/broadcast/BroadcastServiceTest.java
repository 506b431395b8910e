package ir.peyk.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Message;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring the run command uses — {@code bot.use(broadcast.commands()).service(broadcast)} — through the adapter's
 * real update loop: updates come by long polling from the fake Bot API, the admin is recognised from the config.
 */
class BroadcastServiceTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @TempDir
    Path dir;

    @Test
    void anAdminBroadcastsThroughTheRunningBot() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(Kit.TOKEN)) {
            PeykConfig config = Kit.config(dir, api.url(), List.of("@peyk_news"));
            try (Database db = Database.open(config.store())) {
                Subscribers subs = new Subscribers(db);
                Kit.subscribe(db, subs, 1, 30);
                subs.setLanguage("telegram", "1", "en");
                BroadcastService broadcast = new BroadcastService(
                        new Broadcasts(new BroadcastStore(db), subs, config), subs, Kit.fastSettings());
                List<String> routed = new CopyOnWriteArrayList<>();
                TelegramTransport t = new TelegramTransport(TelegramProfile.TELEGRAM, api.url(), Kit.TOKEN,
                        new Throttle(Throttle.Limits.UNLIMITED), Kit.FAST_RETRY, 1);
                BotApp app = BotApp.builder(db).subscribers(subs).admins(config::isAdmin)
                        .transport(t, BotApp.Receive.POLL)
                        .use(broadcast.commands())
                        .use((ctx, next) -> {
                            if (ctx.update() instanceof Message m) routed.add(m.text());
                        })
                        .service(broadcast)
                        .grace(Duration.ofSeconds(5))
                        .build();
                app.start();
                try {
                    api.pushMessage(1, 1, "/broadcast Update: the article was corrected.");
                    FakeBotApi.Call preview = api.awaitCalls(c -> c.method().equals("sendMessage")
                            && "1".equals(c.param("chat_id")), 1, Duration.ofSeconds(10), "the preview").get(0);
                    assertTrue(preview.param("reply_markup").contains("bc:ok:1"), preview.param("reply_markup"));
                    assertTrue(preview.param("text").contains("31 recipients (30 subscribed chats, 1 channels)"),
                            preview.param("text"));
                    api.pushMessage(5, 5, "/broadcast not an admin");
                    api.pushMessage(1, 1, "/start");
                    api.awaitCalls(c -> c.method().equals("sendMessage") && "5".equals(c.param("chat_id")), 1,
                            Duration.ofSeconds(10), "the refusal");

                    api.pushCallback(1, 1, 1001, "bc:ok:1"); // the preview was the first message sent: id 1001
                    Job done = Kit.awaitFinished(broadcast.broadcasts().store(), 1, Duration.ofSeconds(20));
                    assertEquals(31, done.sent());
                    assertEquals(List.of("Update: the article was corrected."), api.sentTexts(7));
                    api.awaitCalls(c -> c.method().equals("sendMessage") && "1".equals(c.param("chat_id"))
                            && c.param("text").contains("finished"), 1, Duration.ofSeconds(10), "the summary");
                    assertEquals(1, api.calls("answerCallbackQuery").size());
                    assertEquals(List.of("/start"), routed, "only other updates reach the router");
                    assertEquals(1, broadcast.broadcasts().store().recent(10).size(), "the refused attempt left no job");
                } finally {
                    app.stop();
                }
            }
        }
    }

    @Test
    void aBareBroadcastReplyingToAMessageBroadcastsThatMessagesText() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(Kit.TOKEN)) {
            PeykConfig config = Kit.config(dir, api.url(), List.of());
            try (Database db = Database.open(config.store())) {
                Subscribers subs = new Subscribers(db);
                Kit.subscribe(db, subs, 1, 3);
                subs.setLanguage("telegram", "1", "en");
                BroadcastService broadcast = new BroadcastService(
                        new Broadcasts(new BroadcastStore(db), subs, config), subs, Kit.fastSettings());
                BotApp app = BotApp.builder(db).subscribers(subs).admins(config::isAdmin)
                        .transport(new TelegramTransport(TelegramProfile.TELEGRAM, api.url(), Kit.TOKEN,
                                new Throttle(Throttle.Limits.UNLIMITED), Kit.FAST_RETRY, 1), BotApp.Receive.POLL)
                        .use(broadcast.commands()).service(broadcast).grace(Duration.ofSeconds(5)).build();
                app.start();
                try {
                    String user = "{\"id\":1,\"is_bot\":false,\"first_name\":\"Admin\"}";
                    String chat = "{\"id\":1,\"type\":\"private\"}";
                    api.pushRaw("{\"update_id\":%ID%,\"message\":{\"message_id\":50,\"date\":1700000000,\"chat\":"
                            + chat + ",\"from\":" + user + ",\"text\":\"/broadcast\",\"reply_to_message\":"
                            + "{\"message_id\":49,\"date\":1700000000,\"chat\":" + chat + ",\"from\":" + user
                            + ",\"text\":\"خبر فوری: نسخهٔ اصلاح‌شده منتشر شد\"}}}");
                    FakeBotApi.Call preview = api.awaitCalls(c -> c.method().equals("sendMessage"), 1,
                            Duration.ofSeconds(10), "the preview").get(0);
                    assertTrue(preview.param("text").contains("خبر فوری: نسخهٔ اصلاح‌شده منتشر شد"), preview.param("text"));
                    Job draft = broadcast.broadcasts().store().recent(1).get(0);
                    assertEquals("خبر فوری: نسخهٔ اصلاح‌شده منتشر شد", draft.text());
                    assertEquals(Job.Status.PENDING_CONFIRMATION, draft.status());
                } finally {
                    app.stop();
                }
            }
        }
    }
}
