package ir.peyk.transport.web;

import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.InlineResult;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Peyk Console's chat window as a messenger. Updates come from the console's HTTP handler, which turns a typed
 * line, a button press or an inline query into a {@link Batch} (via {@link #message}, {@link #press},
 * {@link #inline}) and submits it to the bot's durable inbox — the same path a webhook post takes, so the dispatcher,
 * the middleware chain and the router treat it like any other messenger. What the bot sends, edits or answers is kept
 * per chat as a {@link Conversation} the page follows by server-sent events.
 *
 * <p>Each console session is one private chat whose id is also its user's id (the session never exposes either).
 */
public final class WebTransport implements Transport {
    public static final String NAME = "web";
    /** Bubbles kept per chat; older ones drop off (the page is a try-out window, not an archive). */
    static final int KEEP = 200;

    private final Map<String, Conversation> chats = new ConcurrentHashMap<>();
    /** Keys must not collide with a previous run's rows in the inbox (its dedupe would drop them). */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong seq = new AtomicLong();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Capabilities capabilities() {
        // "webhook": updates are pushed into the inbox by our own HTTP server; nothing is polled.
        return new Capabilities(false, true, true, true, true, true, 4096);
    }

    @Override
    public BotInfo start() {
        return new BotInfo("peyk", "peyk_bot", "Peyk");
    }

    /** The chat's conversation (created empty on first use). */
    public Conversation conversation(String chatId) {
        return chats.computeIfAbsent(chatId, id -> new Conversation());
    }

    /** Drops a chat's conversation (its session ended). */
    public void forget(String chatId) {
        chats.remove(chatId);
    }

    /** A typed line, shown at once as the user's bubble; the batch is for the inbox. */
    public Batch message(String chatId, String name, String text) {
        String key = nextKey();
        conversation(chatId).add(new Bubble(key, false, text, List.of(), 0));
        return new Batch(List.of(Batch.Item.ok(new Message(NAME, key, chat(chatId), user(chatId, name), key, text, false,
                System.currentTimeMillis()))), null);
    }

    /**
     * A press on a button of one of the bot's bubbles. The data sent back is the button's as the bot set it — looked
     * up here by bubble and position, so a page cannot press a button the bot never showed.
     *
     * @return the batch, or null when there is no such button
     */
    public Batch press(String chatId, String name, String messageId, int row, int column) {
        Button b = conversation(chatId).button(messageId, row, column);
        if (b == null) return null;
        String key = nextKey();
        return new Batch(List.of(Batch.Item.ok(new ButtonPress(NAME, key, chat(chatId), user(chatId, name), key,
                messageId, b.data()))), null);
    }

    /** What "@peyk_bot query" would ask; the results arrive in the conversation's inline list. */
    public Batch inline(String chatId, String name, String query, String offset) {
        String key = nextKey();
        conversation(chatId).inlineAsked(key, query);
        return new Batch(List.of(Batch.Item.ok(new InlineQuery(NAME, key, user(chatId, name), key, query,
                offset == null ? "" : offset))), null);
    }

    private String nextKey() {
        return runId + "-" + seq.incrementAndGet();
    }

    private static Chat chat(String chatId) {
        return new Chat(chatId, Chat.Type.PRIVATE, null);
    }

    private static User user(String chatId, String name) {
        return new User(chatId, null, name, false);
    }

    @Override
    public Sent send(String chatId, Reply reply) {
        String id = "b" + nextKey();
        conversation(chatId).add(new Bubble(id, true, reply.text(), reply.buttons(), 0));
        return new Sent(chatId, id);
    }

    @Override
    public void edit(String chatId, String messageId, Reply reply) {
        conversation(chatId).edit(messageId, reply.text(), reply.buttons());
    }

    @Override
    public void answerButton(ButtonPress press, String text) {
        if (press.chat() != null && text != null && !text.isBlank()) conversation(press.chat().id()).notice(text);
    }

    @Override
    public void answerInline(InlineQuery query, List<InlineResult> results, String nextOffset) {
        conversation(query.from().id()).inlineAnswered(query.queryId(), new ArrayList<>(results), nextOffset);
    }
}
