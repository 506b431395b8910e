package ir.peyk.transport.telegram;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One Bot API method call (TelegramBots style): the record's components are the method's parameters, serialized as
 * the JSON body; {@link #methodName()} is the exactly-cased path segment; {@link #resultType()} is what {@code result}
 * decodes to.
 */
public interface BotMethod<T> {
    @JsonIgnore
    String methodName();

    @JsonIgnore
    Class<T> resultType();

    /** The chat a send goes to, for per-chat throttling; null for calls that are not sends. */
    @JsonIgnore
    default String throttleChat() {
        return null;
    }

    /** Whether {@link #throttleChat()} is a group or channel (negative ids, @names): the per-group limit applies. */
    @JsonIgnore
    default boolean throttleGroup() {
        String c = throttleChat();
        return c != null && (c.startsWith("-") || c.startsWith("@"));
    }
}
