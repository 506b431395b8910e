package ir.peyk.broadcast;

/**
 * What became of one claimed delivery; recorded in batches by {@link DeliveryQueue#record}.
 *
 * @param nextAt for {@link Kind#RETRY}: when the row may be sent again (epoch ms)
 * @param error  for {@link Kind#FAILED} and {@link Kind#RETRY}: the platform's reason, token-free
 */
public record DeliveryResult(Delivery delivery, Kind kind, String error, long nextAt) {
    public enum Kind {
        /** The platform accepted the message. */
        SENT,
        /** Final failure (403, 400, or retries exhausted). */
        FAILED,
        /** A passing failure: back to pending, tried again after {@code nextAt}. */
        RETRY,
        /** Not sent because the job was cancelled. */
        SKIPPED,
        /** Not sent because the worker is stopping: back to pending as it was, for the next worker. */
        RELEASED
    }

    public static DeliveryResult sent(Delivery d) {
        return new DeliveryResult(d, Kind.SENT, null, 0);
    }

    public static DeliveryResult failed(Delivery d, String error) {
        return new DeliveryResult(d, Kind.FAILED, error, 0);
    }

    public static DeliveryResult retry(Delivery d, String error, long nextAt) {
        return new DeliveryResult(d, Kind.RETRY, error, nextAt);
    }

    public static DeliveryResult released(Delivery d) {
        return new DeliveryResult(d, Kind.RELEASED, null, 0);
    }

    public static DeliveryResult skipped(Delivery d) {
        return new DeliveryResult(d, Kind.SKIPPED, null, 0);
    }
}
