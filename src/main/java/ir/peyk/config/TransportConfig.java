package ir.peyk.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One messenger's settings. Tokens come from the environment ({@code PEYK_<NAME>_TOKEN}), never from the file.
 *
 * @param name     console, telegram, bale, soroush, rubika, eitaa, gap
 * @param enabled  whether the bot runs this transport
 * @param token    the bot token (environment only); null when not set
 * @param apiUrl   the API base URL (the platform's by default; {@code PEYK_<NAME>_API_URL} overrides, e.g. a loopback
 *                 server)
 * @param mode     "polling" or "webhook"
 * @param channels broadcast channel targets on this messenger (e.g. "@news" on Bale/Telegram, a channel id on Eitaa)
 * @param options  platform-specific settings (see the README section of each messenger)
 */
public record TransportConfig(String name, boolean enabled, String token, String apiUrl, String mode,
                              List<String> channels, Map<String, String> options) {
    public TransportConfig {
        channels = channels == null ? List.of() : List.copyOf(channels);
        options = options == null ? Map.of() : Map.copyOf(options);
        if (mode == null || mode.isBlank()) mode = "polling";
    }

    /** The environment variable that holds {@code transport}'s token: {@code PEYK_<NAME>_TOKEN}. */
    public static String tokenVariable(String transport) {
        return "PEYK_" + transport.toUpperCase(Locale.ROOT) + "_TOKEN";
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    public boolean webhook() {
        return "webhook".equalsIgnoreCase(mode);
    }

    /** For logs: everything but the token. */
    @Override
    public String toString() {
        return "TransportConfig[name=" + name + ", enabled=" + enabled + ", token=" + (token == null ? "unset" : "<set>")
                + ", apiUrl=" + apiUrl + ", mode=" + mode + ", channels=" + channels + ", options=" + options + "]";
    }
}
