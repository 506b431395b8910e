package ir.peyk.broadcast;

/**
 * Who a broadcast goes to: a subscribed chat, or a channel target from the config.
 *
 * @param group   the chat is a group (the per-group rate limit applies)
 * @param channel the recipient is a configured channel target, not a subscriber
 */
public record Recipient(String transport, String chatId, boolean group, boolean channel) {}
