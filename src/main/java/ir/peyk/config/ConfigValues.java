package ir.peyk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of the config file's values, so that a wrong one fails the load with one line naming the setting
 * (exit 2) instead of silently becoming a default: {@code admins: bale:7} (a scalar, not a list) used to mean no
 * admins, {@code overallPerSecond: fast} became 30 and {@code -5} turned throttling off.
 */
final class ConfigValues {
    /**
     * Each transport's option names (what its constructor reads from {@code options}); a typo is refused at load
     * rather than ignored. The values are checked when the transport is built, by {@link TransportOptions}.
     */
    static final Map<String, List<String>> OPTIONS = Map.of(
            "console", List.of(),
            "telegram", List.of("pollTimeoutSeconds"),
            "bale", List.of("pollTimeoutSeconds"),
            "soroush", List.of("pollTimeoutSeconds"),
            "rubika", List.of("maxBacklogSeconds", "keypad", "pollLimit", "pollIdleMillis", "tooRequestsBaseMillis",
                    "maxTextLength"),
            "eitaa", List.of("title", "pin", "silent", "maxTextLength"),
            "gap", List.of("botId", "username", "botName", "maxTextLength"));

    private ConfigValues() {}

    /** A list of plain values; absent or null is empty. {@code example} shows the list form in the message. */
    static List<String> list(JsonNode parent, String field, String where, String example) throws ConfigException {
        JsonNode v = parent.path(field);
        List<String> out = new ArrayList<>();
        if (v.isMissingNode() || v.isNull()) return out;
        if (!v.isArray()) {
            throw new ConfigException(where + field + " must be a list, e.g. " + field + ": " + example + ", not '"
                    + shown(v) + "'");
        }
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.isNull()) {
                throw new ConfigException(where + field + " must list plain values, not '" + shown(item) + "'");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A number in [min, max]; absent or null is {@code fallback}. A quoted number is accepted. */
    static double number(JsonNode parent, String field, double fallback, double min, double max, String where)
            throws ConfigException {
        JsonNode v = parent.path(field);
        if (v.isMissingNode() || v.isNull()) return fallback;
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.asText().strip());
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
        } else {
            d = Double.NaN;
        }
        if (Double.isNaN(d) || d < min || d > max) {
            throw new ConfigException(where + field + " must be a number from " + plain(min) + " to " + plain(max)
                    + ", not '" + shown(v) + "'");
        }
        return d;
    }

    /** A whole number in [min, max] from an environment variable. */
    static long whole(String value, long min, long max, String name) throws ConfigException {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    /** true or false; absent or null is {@code fallback}. */
    static boolean flag(JsonNode parent, String field, boolean fallback, String where) throws ConfigException {
        JsonNode v = parent.path(field);
        if (v.isMissingNode() || v.isNull()) return fallback;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isTextual()) {
            switch (v.asText().strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> {
                    return true;
                }
                case "false", "no", "off" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw new ConfigException(where + field + " must be true or false, not '" + shown(v) + "'");
    }

    /** A transport's {@code options}: a map of plain values whose names the transport reads. */
    static Map<String, String> options(JsonNode transport, String name, String where) throws ConfigException {
        JsonNode v = transport.path("options");
        Map<String, String> out = new LinkedHashMap<>();
        if (v.isMissingNode() || v.isNull()) return out;
        if (!v.isObject()) throw new ConfigException(where + "options must be a map of name: value, not '" + shown(v) + "'");
        List<String> known = OPTIONS.getOrDefault(name, List.of());
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                throw new ConfigException("unknown option '" + where + "options." + e.getKey() + "'; " + name
                        + (known.isEmpty() ? " has no options" : " knows " + known));
            }
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new ConfigException(where + "options." + e.getKey() + " must be a plain value, not '"
                        + shown(e.getValue()) + "'");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static String shown(JsonNode v) {
        String s = v.isValueNode() ? v.asText() : v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
