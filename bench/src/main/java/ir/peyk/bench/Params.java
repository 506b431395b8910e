package ir.peyk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The few request parameters the fake reads — chat_id, text, offset, limit, timeout — from a JSON body (Jackson's
 * streaming parser: nested values such as reply_markup are skipped, not built), a form body or the query string.
 * chat_id may be a number or a string of digits (TelegramBots sends a string).
 */
record Params(long chatId, String text, long offset, int limit, int timeout) {
    private static final JsonFactory JSON = new JsonFactory();

    static Params of(String query, String contentType, byte[] body) throws IOException {
        Builder b = new Builder();
        if (query != null) b.form(query);
        if (body.length > 0) {
            if (contentType.startsWith("application/json")) b.json(body);
            else if (contentType.startsWith("application/x-www-form-urlencoded")) {
                b.form(new String(body, StandardCharsets.UTF_8));
            }
        }
        return new Params(b.chatId, b.text, b.offset, b.limit, b.timeout);
    }

    /** {@code {"ok":true,"result":<Message>}} for a text the bot sent: what Telegram answers sendMessage with. */
    static byte[] messageJson(long messageId, long botId, long chatId, long date, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (text == null ? 0 : text.length() * 3));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeBooleanField("ok", true);
            g.writeObjectFieldStart("result");
            g.writeNumberField("message_id", messageId);
            g.writeObjectFieldStart("from");
            g.writeNumberField("id", botId);
            g.writeBooleanField("is_bot", true);
            g.writeStringField("first_name", "Bench");
            g.writeStringField("username", "bench_bot");
            g.writeEndObject();
            g.writeObjectFieldStart("chat");
            g.writeNumberField("id", chatId);
            g.writeStringField("type", chatId < 0 ? "group" : "private");
            g.writeStringField("first_name", "User" + chatId);
            g.writeEndObject();
            g.writeNumberField("date", date);
            g.writeStringField("text", text == null ? "" : text);
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Quotes a text as a JSON string literal (for the updates the fake builds by concatenation). */
    static String quote(String text) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeString(text);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Builder {
        long chatId;
        String text;
        long offset = Long.MIN_VALUE;
        int limit = 100;
        int timeout;

        void set(String name, String value) {
            try {
                switch (name) {
                    case "chat_id" -> chatId = Long.parseLong(value);
                    case "text" -> text = value;
                    case "offset" -> offset = Long.parseLong(value);
                    case "limit" -> limit = Integer.parseInt(value);
                    case "timeout" -> timeout = Integer.parseInt(value);
                    default -> { }
                }
            } catch (NumberFormatException e) {
                // "@channel" as chat_id, or a malformed number: the bench never sends those, a bot might; ignore
            }
        }

        void json(byte[] body) throws IOException {
            try (JsonParser p = JSON.createParser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) return;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) p.skipChildren();
                    else if (t != JsonToken.VALUE_NULL) set(name, p.getText());
                }
            }
        }

        void form(String encoded) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                set(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }
}
