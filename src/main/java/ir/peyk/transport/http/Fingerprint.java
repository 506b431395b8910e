package ir.peyk.transport.http;

import ir.peyk.adapter.Batch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, stable digest of a payload: the dedupe key of an update that has no id of its own (a poison item, a
 * platform event without message id). Stable so that a replay of the same bytes gets the same key.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** The first 16 hex digits of the payload's SHA-256. */
    public static String of(byte[] payload) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(payload);
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    public static String of(String payload) {
        return of(payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A poison item for a payload a codec cannot read: keyed {@code poison:<fingerprint>}, so a replay of the same bytes
     * is the same poison (stored once), with {@code why} after the transport's name.
     */
    public static Batch.Item poison(String transport, byte[] payload, String why) {
        return Batch.Item.poison("poison:" + of(payload), transport + ": " + why);
    }

    public static Batch.Item poison(String transport, String payload, String why) {
        return poison(transport, payload.getBytes(StandardCharsets.UTF_8), why);
    }
}
