package ir.peyk.adapter;

/**
 * The user stopped (or blocked) the bot in this chat, e.g. Rubika's {@code StoppedBot}. The adapter unsubscribes the
 * chat and says nothing: a message to someone who just left is unwelcome, and platforms often refuse it.
 */
public record BotStopped(String transport, String key, Chat chat, User from) implements Update {}
