package ir.peyk.adapter;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One thing a messenger told the bot, in the neutral model every handler sees. Platform codecs build these; the
 * adapter stores them (JSON, in the inbox) before they are handled, so the type must stay Jackson-serializable.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Message.class, name = "message"),
        @JsonSubTypes.Type(value = ButtonPress.class, name = "button"),
        @JsonSubTypes.Type(value = InlineQuery.class, name = "inline"),
        @JsonSubTypes.Type(value = BotStopped.class, name = "stopped")
})
public sealed interface Update permits Message, ButtonPress, InlineQuery, BotStopped {
    /** The transport name (telegram, bale, rubika, …) this update came from. */
    String transport();

    /** Unique per transport: the dedupe key (Telegram update_id; Rubika type + message id + time; …). */
    String key();

    /** Who sent it. */
    User from();

    /** The chat to answer in, or null for inline queries (they are answered by query id). */
    Chat chat();

    /** Updates of one ordering key are handled one at a time, in order; different keys run concurrently. */
    default String orderingKey() {
        return transport() + ":" + (chat() != null ? chat().id() : "user:" + (from() == null ? "?" : from().id()));
    }
}
