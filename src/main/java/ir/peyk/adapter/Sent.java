package ir.peyk.adapter;

/** What the platform said about a sent message: its id, for later edits (null where the platform gives none). */
public record Sent(String chatId, String messageId) {}
