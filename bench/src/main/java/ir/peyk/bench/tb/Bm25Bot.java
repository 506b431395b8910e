package ir.peyk.bench.tb;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The comparison bot: TelegramBots' long polling application and OkHttp client, written the way its documentation
 * shows (a single-thread update consumer, a blocking execute per reply), answering each text message with the
 * article sentence BM25 ranks first. Stores nothing.
 *
 * <p>{@code java -cp ... ir.peyk.bench.tb.Bm25Bot API_URL ARTICLE_FILE}, the token in {@code BENCH_BOT_TOKEN}.
 */
public final class Bm25Bot implements LongPollingSingleThreadUpdateConsumer {
    private final TelegramClient client;
    private final SentenceIndex index;

    Bm25Bot(TelegramClient client, SentenceIndex index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public void consume(Update update) {
        if (!update.hasMessage() || !update.getMessage().hasText()) return;
        String answer = index.best(update.getMessage().getText());
        try {
            client.execute(new SendMessage(update.getMessage().getChatId().toString(), answer));
        } catch (TelegramApiException e) {
            System.err.println("sendMessage failed: " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || System.getenv("BENCH_BOT_TOKEN") == null) {
            System.err.println("usage: BENCH_BOT_TOKEN=... Bm25Bot API_URL ARTICLE_FILE");
            System.exit(2);
        }
        URI api = URI.create(args[0]);
        String token = System.getenv("BENCH_BOT_TOKEN");
        TelegramUrl url = new TelegramUrl(api.getScheme(), api.getHost(), api.getPort(), false);
        SentenceIndex index = new SentenceIndex(SentenceIndex.sentences(Files.readString(Path.of(args[1]))));
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication();
        app.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(),
                new Bm25Bot(new OkHttpTelegramClient(token, url), index));
        Thread.currentThread().join();
    }
}
