package ir.peyk.broadcast;

/** A delivery row claimed for sending. {@code attempts} counts the sends before this one. */
public record Delivery(long id, long jobId, String transport, String chatId, boolean group, boolean channel,
                       int attempts) {}
