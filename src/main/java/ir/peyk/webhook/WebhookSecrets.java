package ir.peyk.webhook;

import ir.peyk.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook secrets. One master secret — {@code PEYK_WEBHOOK_SECRET} when set, otherwise 32 random bytes generated
 * on first use and kept in the store (table {@code webhook_secret}) so that URLs survive restarts — from which each
 * transport gets its own path secret and header secret (HMAC-SHA256 of the master over "path:NAME" / "header:NAME",
 * base64url, 43 characters). Deriving per transport means the URL one platform knows cannot be replayed against
 * another platform's route, and the header token Telegram sends differs from the path a proxy log may show.
 *
 * <p>The derived values use only {@code A-Z a-z 0-9 _ -}, which is what Telegram allows for {@code secret_token}.
 * Secrets never reach a log line; {@link #toString()} hides them.
 */
public final class WebhookSecrets {
    public static final String ENV = "PEYK_WEBHOOK_SECRET";
    /** Shortest master accepted from the environment: enough entropy that the path cannot be guessed. */
    public static final int MIN_ENV_LENGTH = 32;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] master;

    private WebhookSecrets(byte[] master) {
        this.master = master.clone();
    }

    /** The secret from {@code env} when set, else the one in the store (created on first use). */
    public static WebhookSecrets load(Database db, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv(fromEnv.strip());
        String stored = db.tx(c -> {
            try (var ins = c.prepareStatement("INSERT INTO webhook_secret(id, secret, created_at) VALUES (1, ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                ins.setString(1, B64.encodeToString(fresh));
                ins.setLong(2, System.currentTimeMillis());
                ins.executeUpdate();
            }
            try (var q = c.prepareStatement("SELECT secret FROM webhook_secret WHERE id = 1");
                 var rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        return new WebhookSecrets(Base64.getUrlDecoder().decode(stored));
    }

    /** Forgets the stored secret: the next {@link #load} makes a new one (every webhook URL changes). */
    public static void rotate(Database db) {
        db.tx(c -> {
            try (var del = c.createStatement()) {
                return del.executeUpdate("DELETE FROM webhook_secret");
            }
        });
    }

    /** A master given as text (the environment variable). */
    public static WebhookSecrets fromEnv(String value) {
        if (value.length() < MIN_ENV_LENGTH) {
            throw new IllegalArgumentException(ENV + " is too short to be unguessable: use at least " + MIN_ENV_LENGTH
                    + " random characters (e.g. `openssl rand -base64 32`), or unset it to let Peyk generate one");
        }
        return new WebhookSecrets(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The secret in the route {@code /hook/<transport>/<secret>}. */
    public String pathSecret(String transport) {
        return derive("path:" + transport);
    }

    /** The token a platform echoes in a header (Telegram's {@code X-Telegram-Bot-Api-Secret-Token}). */
    public String headerSecret(String transport) {
        return derive("header:" + transport);
    }

    /** Compares in time independent of where the strings differ (only the length may show). Null never matches. */
    public static boolean matches(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private String derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecrets[<hidden>]";
    }
}
