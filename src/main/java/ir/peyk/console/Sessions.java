package ir.peyk.console;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Logged-in console sessions, in memory: a restart logs everyone out (admins ask for a new link), which is the safe
 * failure. A session id is 32 random bytes, sent only in an HttpOnly SameSite=Strict cookie; its CSRF token is
 * another 32 random bytes, written into every form. Sessions end 12 hours after login.
 */
final class Sessions {
    static final long TTL_MILLIS = 12 * 3600_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param chatId the session's private web chat (random, unrelated to the session id)
     */
    record Session(String id, String csrf, String chatId, long expiresAt) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    Sessions(LongSupplier clock) {
        this.clock = clock;
    }

    Session create() {
        prune();
        Session s = new Session(random(32), random(32), "w" + random(9), clock.getAsLong() + TTL_MILLIS);
        sessions.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (s.expiresAt() < clock.getAsLong()) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void end(String id) {
        if (id != null) sessions.remove(id);
    }

    private void prune() {
        long now = clock.getAsLong();
        sessions.values().removeIf(s -> s.expiresAt() < now);
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
