package ir.peyk.config;

import java.util.List;
import java.util.Locale;

/**
 * Typed reads of a transport's {@code options} map (which YAML hands over as strings), failing with a message that
 * names the setting and says what it must be.
 */
public final class TransportOptions {
    private TransportOptions() {}

    /** A whole number ≥ {@code min}. */
    public static long number(TransportConfig c, String key, long fallback, long min) {
        String v = c.options().get(key);
        if (v == null || v.isBlank()) return fallback;
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where(c, key) + " must be a whole number of at least " + min + ", not '" + v + "'");
    }

    /** A whole number ≥ {@code min} that fits an int (a larger one is refused, not wrapped around). */
    public static int integer(TransportConfig c, String key, int fallback, int min) {
        long n = number(c, key, fallback, min);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where(c, key) + " must be at most " + Integer.MAX_VALUE + ", not '"
                    + c.options().get(key) + "'");
        }
        return (int) n;
    }

    /** true/false, yes/no, 1/0. */
    public static boolean flag(TransportConfig c, String key, boolean fallback) {
        String v = c.options().get(key);
        if (v == null || v.isBlank()) return fallback;
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(where(c, key) + " must be true or false, not '" + v + "'");
        };
    }

    /** One of {@code allowed} (case-insensitive), returned in lower case. */
    public static String choice(TransportConfig c, String key, String fallback, List<String> allowed) {
        String v = c.options().get(key);
        if (v == null || v.isBlank()) return fallback;
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(s)) return s;
        throw new IllegalArgumentException(where(c, key) + " must be one of " + allowed + ", not '" + v + "'");
    }

    /**
     * The API base URL without a trailing slash: the configured one, or {@code platform}'s own
     * ({@link PeykConfig#DEFAULT_API_URLS}) when none is set — a config built in code rather than loaded may leave it out.
     */
    public static String apiUrl(TransportConfig c, String platform) {
        boolean unset = c.apiUrl() == null || c.apiUrl().isBlank();
        return PeykConfig.stripSlash(unset ? PeykConfig.DEFAULT_API_URLS.get(platform) : c.apiUrl());
    }

    /** The token, or a clear error naming the environment variable to set. */
    public static String token(TransportConfig c) {
        if (c.token() == null || c.token().isBlank()) {
            throw new IllegalArgumentException(c.name() + " needs a token: set " + TransportConfig.tokenVariable(c.name())
                    + " in the environment");
        }
        return c.token();
    }

    private static String where(TransportConfig c, String key) {
        return "transports." + c.name() + ".options." + key;
    }
}
