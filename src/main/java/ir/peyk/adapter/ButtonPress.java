package ir.peyk.adapter;

/**
 * A press on one of the bot's buttons (Telegram callback query, Rubika keypad press, Gap triggerButton).
 *
 * @param callbackId the id to answer the press with, or null where the platform has no callback answers
 * @param messageId  the message that carried the button, or null
 * @param data       the button's data, as the bot set it
 */
public record ButtonPress(String transport, String key, Chat chat, User from, String callbackId, String messageId,
                          String data) implements Update {}
