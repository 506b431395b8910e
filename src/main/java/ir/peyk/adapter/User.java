package ir.peyk.adapter;

/** A messenger user. Ids are strings on every platform (Rubika's are; Telegram's exceed 2^31). */
public record User(String id, String username, String name, boolean bot) {}
