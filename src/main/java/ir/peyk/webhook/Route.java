package ir.peyk.webhook;

import ir.peyk.adapter.Transport;

/**
 * One webhook route: {@code /hook/<name>/<pathSecret>[/<suffix>]}.
 *
 * @param transport    decodes the posts
 * @param platform     how the platform calls (secret header, suffixes, reply)
 * @param pathSecret   the secret path segment
 * @param headerSecret the token expected in the platform's secret header (used only where the platform sends one)
 * @param registration tells the platform the URL at start, or null when that is done by hand (Gap)
 */
public record Route(Transport transport, Platform platform, String pathSecret, String headerSecret,
                    Registration registration) {
    public String name() {
        return transport.name();
    }

    /** The path without the host, e.g. {@code /hook/telegram/<secret>}. Contains the secret: never log it. */
    public String path() {
        return pathOf(name(), pathSecret);
    }

    /** {@code /hook/<transport>/<secret>}. */
    public static String pathOf(String transport, String pathSecret) {
        return "/hook/" + transport + "/" + pathSecret;
    }

    /**
     * The URL the platform posts to: {@code publicUrl} (the webhook's; surrounding blanks and trailing slashes dropped)
     * followed by {@code transport}'s path. Contains the secret: never log it.
     */
    public static String url(String publicUrl, String transport, String pathSecret) {
        return base(publicUrl) + pathOf(transport, pathSecret);
    }

    /** {@code publicUrl} without surrounding blanks and trailing slashes ("" for null). */
    public static String base(String publicUrl) {
        return publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    /** The path with the secret hidden, for logs. */
    public String redactedPath() {
        return "/hook/" + name() + "/***";
    }

    @Override
    public String toString() {
        return "Route[" + redactedPath() + ", " + platform + "]";
    }
}
