package ir.peyk.adapter;

/** Who the bot is on a platform (from getMe or the transport's equivalent). */
public record BotInfo(String id, String username, String name) {}
