package ir.peyk.console;

import ir.peyk.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One-time login links. {@code peyk console link} (another process) issues a token into the store; the running bot
 * redeems it once. Only the token's SHA-256 is stored, so a copy of the store logs nobody in; redeeming is one
 * conditional UPDATE, so two clicks (or two processes) cannot both use it.
 */
public final class LoginTokens {
    /** How long a printed link works. */
    public static final Duration TTL = Duration.ofMinutes(15);

    private final Database db;

    public LoginTokens(Database db) {
        this.db = db;
        db.update("CREATE TABLE IF NOT EXISTS console_login_tokens (hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, "
                + "used_at INTEGER)");
    }

    /** A new token valid for {@link #TTL}; expired and used ones are dropped on the way. */
    public String issue() {
        long now = System.currentTimeMillis();
        db.update("DELETE FROM console_login_tokens WHERE expires_at < ? OR used_at IS NOT NULL", now);
        String token = Sessions.random(32);
        db.update("INSERT INTO console_login_tokens(hash, expires_at) VALUES (?, ?)", hash(token), now + TTL.toMillis());
        return token;
    }

    /** True exactly once for a token issued less than {@link #TTL} ago. */
    public boolean redeem(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return false;
        long now = System.currentTimeMillis();
        return db.update("UPDATE console_login_tokens SET used_at=? WHERE hash=? AND used_at IS NULL AND expires_at >= ?",
                now, hash(token), now) == 1;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
