package ir.peyk.transport.telegram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a message update's tree straight into the {@link Tg} records, for the shapes the Bot API sends: numbers where
 * numbers go, text where text goes, objects where objects go; fields not named are ignored. Anything else — another
 * kind of update, a number sent as text, a field of the wrong shape — is not read here ({@link #update} returns
 * null), and the mapper reads it with its usual leniency and errors. Why: on a quiet bot the mapper's pass over the
 * tree (a parser over it, a context, a creator per record) was a tenth of a lone update's time before its reply.
 */
final class TreeReader {
    /** The tree has a shape this reader leaves to the mapper. */
    private static final class Unusual extends RuntimeException {
        Unusual() {
            super(null, null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();

    private TreeReader() {}

    /** The update, when it is a message update of the usual shape; null otherwise (the mapper reads it). */
    static Tg.Update update(JsonNode raw) {
        if (raw == null || !raw.isObject()) return null;
        JsonNode message = raw.get("message");
        if (message == null || !message.isObject() || raw.has("callback_query") || raw.has("inline_query")) return null;
        try {
            JsonNode id = raw.get("update_id");
            return new Tg.Update(id == null || id.isNull() ? null : whole(id), message(message), null, null);
        } catch (Unusual e) {
            return null;
        }
    }

    private static Tg.Message message(JsonNode m) {
        return new Tg.Message(wholeOrZero(m.get("message_id")), user(m.get("from")), chat(m.get("chat")),
                wholeOrNull(m.get("date")), text(m.get("text")), text(m.get("caption")),
                reply(m.get("reply_to_message")));
    }

    private static Tg.Message reply(JsonNode m) {
        return absent(m) ? null : message(object(m));
    }

    private static Tg.User user(JsonNode u) {
        if (absent(u)) return null;
        object(u);
        JsonNode bot = u.get("is_bot");
        Boolean isBot = absent(bot) ? null : bot.isBoolean() ? bot.booleanValue() : unusual();
        return new Tg.User(wholeOrZero(u.get("id")), isBot, text(u.get("first_name")), text(u.get("last_name")),
                text(u.get("username")), text(u.get("language_code")));
    }

    private static Tg.Chat chat(JsonNode c) {
        if (absent(c)) return null;
        object(c);
        return new Tg.Chat(wholeOrZero(c.get("id")), text(c.get("type")), text(c.get("title")), text(c.get("username")),
                text(c.get("first_name")));
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull();
    }

    private static JsonNode object(JsonNode n) {
        if (!n.isObject()) unusual();
        return n;
    }

    private static long whole(JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) unusual();
        return n.longValue();
    }

    private static long wholeOrZero(JsonNode n) {
        return absent(n) ? 0 : whole(n);
    }

    private static Long wholeOrNull(JsonNode n) {
        return absent(n) ? null : whole(n);
    }

    private static String text(JsonNode n) {
        if (absent(n)) return null;
        if (!n.isTextual()) unusual();
        return n.textValue();
    }

    private static <T> T unusual() {
        throw UNUSUAL;
    }
}
