package ir.peyk.adapter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import java.io.IOException;

/**
 * An update as the inbox stores it: {@link Inbox#JSON}'s JSON for it. A message — nearly every update — is written
 * straight to the generator, the same JSON field for field (a test holds the two equal), without the mapper's
 * serializer lookups: the store's write is on a quiet bot's path to its reply.
 */
final class UpdateJson {
    private UpdateJson() {}

    static String write(Update update) throws IOException {
        if (!(update instanceof Message m)) return Inbox.JSON.writeValueAsString(update);
        SegmentedStringWriter out = new SegmentedStringWriter(Inbox.JSON.getFactory()._getBufferRecycler());
        try (JsonGenerator g = Inbox.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "message");
            g.writeStringField("transport", m.transport());
            g.writeStringField("key", m.key());
            g.writeFieldName("chat");
            chat(g, m.chat());
            g.writeFieldName("from");
            user(g, m.from());
            g.writeStringField("messageId", m.messageId());
            g.writeStringField("text", m.text());
            g.writeBooleanField("replyToBot", m.replyToBot());
            g.writeNumberField("dateMillis", m.dateMillis());
            g.writeStringField("replyToText", m.replyToText());
            g.writeEndObject();
        }
        return out.getAndClear();
    }

    private static void chat(JsonGenerator g, Chat c) throws IOException {
        if (c == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("type", c.type() == null ? null : c.type().name());
        g.writeStringField("title", c.title());
        g.writeBooleanField("private", c.isPrivate()); // the mapper writes isPrivate() too; reading ignores it
        g.writeEndObject();
    }

    private static void user(JsonGenerator g, User u) throws IOException {
        if (u == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("id", u.id());
        g.writeStringField("username", u.username());
        g.writeStringField("name", u.name());
        g.writeBooleanField("bot", u.bot());
        g.writeEndObject();
    }
}
