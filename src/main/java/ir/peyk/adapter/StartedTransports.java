package ir.peyk.adapter;

import ir.peyk.config.TransportConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transports of a {@link BotApp} that started (getMe answered), in configuration order, with who the bot is on
 * each. Kept apart from BotApp so the start of transports — and how a refusal is told to the operator — is in one place.
 */
final class StartedTransports {
    private static final Logger log = LoggerFactory.getLogger(StartedTransports.class);

    record Running(Transport transport, BotInfo me) {}

    private final Map<String, Running> running = Collections.synchronizedMap(new LinkedHashMap<>());

    /** The operator's line for a refused token, naming the variable to fix. */
    static String refusedLine(String transport, TransportException e) {
        return transport + ": the token was refused (" + serverSaid(e) + ") — check "
                + TransportConfig.tokenVariable(transport);
    }

    /**
     * What the server answered, from a transport error's message {@code "<transport> <method>: <answer>[; advice]"}:
     * e.g. "401 Unauthorized", or Rubika's "HTTP 200, INVALID_ACCESS" (no 401 was ever sent).
     */
    private static String serverSaid(TransportException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int colon = m.indexOf(": ");
        String said = colon < 0 ? m : m.substring(colon + 2);
        int advice = said.indexOf("; ");
        said = advice < 0 ? said : said.substring(0, advice);
        return said.isBlank() ? (e.code() > 0 ? Integer.toString(e.code()) : "no reason given") : said;
    }

    /**
     * What one start (getMe) came to.
     *
     * @param started whether the transport runs now
     * @param retry   whether it could not be reached (worth trying again later); false for a refusal
     * @param problem the operator's line for a refusal, or the reason it could not be reached; null when started
     */
    record Attempt(boolean started, boolean retry, String problem) {}

    /**
     * Starts {@code t} (getMe); on success it is kept and one INFO line says so ("bale: started as @name, polling").
     * A refused token or a conflict is final; a transport that cannot be reached may be tried again.
     */
    Attempt start(Transport t, String receiving) {
        try {
            BotInfo me = t.start();
            running.put(t.name(), new Running(t, me));
            log.info("{}: started as {}, {}", t.name(), who(me), receiving);
            return new Attempt(true, false, null);
        } catch (TransportException ex) {
            return switch (ex.kind()) {
                case UNAUTHORIZED -> new Attempt(false, false, refusedLine(t.name(), ex));
                case CONFLICT -> new Attempt(false, false, ex.getMessage());
                case UNAVAILABLE -> new Attempt(false, true, ex.getMessage());
                default -> new Attempt(false, false, t.name() + ": could not start (" + ex.getMessage() + "); it is left out");
            };
        } catch (RuntimeException ex) {
            return new Attempt(false, false, t.name() + ": could not start (" + ex.getMessage() + "); it is left out");
        }
    }

    private static String who(BotInfo me) {
        if (me == null) return "?";
        if (me.username() != null && !me.username().isBlank()) return "@" + me.username();
        return me.name() != null ? me.name() : me.id();
    }

    boolean isEmpty() {
        return running.isEmpty();
    }

    boolean contains(String name) {
        return running.containsKey(name);
    }

    Set<String> names() {
        synchronized (running) {
            return Set.copyOf(running.keySet());
        }
    }

    /** The started transport by name, or null. */
    Running get(String name) {
        return running.get(name);
    }

    /** The started transports, in configuration order. */
    List<Transport> list() {
        synchronized (running) {
            return running.values().stream().map(Running::transport).toList();
        }
    }
}
