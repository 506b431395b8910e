package ir.peyk.webhook;

import java.util.List;
import java.util.Set;

/**
 * How each messenger calls a webhook: which secret header it sends (if any), which path suffixes it appends, whether
 * its bodies are always JSON, and what it expects back. See docs sections 1.2 (Telegram), 2.2 (Bale), 3.2 (Rubika),
 * 5.1 (Soroush Plus) and 7.2 (Gap).
 */
public enum Platform {
    /** Sends the secret_token given to setWebhook in a header on every post; a post without it is refused. */
    TELEGRAM(List.of("X-Telegram-Bot-Api-Secret-Token"), true, Set.of(), true, null),
    /**
     * A Telegram clone whose secret header is undocumented (maybe {@code X-Splus-Bot-Api-Secret-Token}): no secret is
     * given to its setWebhook, so none is expected back; the path secret is the proof.
     */
    SOROUSH(List.of(), false, Set.of(), true, null),
    /** setWebhook takes only a url: the unguessable path is the only proof. */
    BALE(List.of(), false, Set.of(), true, null),
    /** Posts to the base path or to .../receiveUpdate and .../receiveInlineMessage; expects {"status":"OK"}. */
    RUBIKA(List.of(), false, Set.of("receiveUpdate", "receiveInlineMessage"), true, "{\"status\":\"OK\"}"),
    /** Form-encoded (or JSON) posts to the URL registered in the developer portal. */
    GAP(List.of(), false, Set.of(), false, null),
    /** Any other webhook transport: path secret only, JSON or form. */
    GENERIC(List.of(), false, Set.of(), false, null);

    private final List<String> secretHeaders;
    private final boolean headerRequired;
    private final Set<String> suffixes;
    private final boolean alwaysJson;
    private final String ack;

    Platform(List<String> secretHeaders, boolean headerRequired, Set<String> suffixes, boolean alwaysJson, String ack) {
        this.secretHeaders = secretHeaders;
        this.headerRequired = headerRequired;
        this.suffixes = suffixes;
        this.alwaysJson = alwaysJson;
        this.ack = ack;
    }

    /** The platform a configured transport name speaks. */
    public static Platform of(String transport) {
        return switch (transport) {
            case "telegram" -> TELEGRAM;
            case "soroush" -> SOROUSH;
            case "bale" -> BALE;
            case "rubika" -> RUBIKA;
            case "gap" -> GAP;
            default -> GENERIC;
        };
    }

    /** Header names that may carry the secret token, in the order they are looked for. */
    public List<String> secretHeaders() {
        return secretHeaders;
    }

    /** True when a post without the secret header must be refused. */
    public boolean headerRequired() {
        return headerRequired;
    }

    /** True when the platform's registration call takes a secret token (so one is passed to it). */
    public boolean sendsSecretHeader() {
        return headerRequired;
    }

    /** Path segments the platform may append after the secret. */
    public Set<String> suffixes() {
        return suffixes;
    }

    /** True when every post is JSON whatever its Content-Type says. */
    public boolean alwaysJson() {
        return alwaysJson;
    }

    /** The body of a 200 (JSON), or null for an empty one. */
    public String ack() {
        return ack;
    }
}
