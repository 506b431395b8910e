package ir.peyk.transport.telegram;

/**
 * How one Telegram-family platform differs from the reference protocol (see the README's messenger section).
 *
 * @param name            transport name
 * @param inlineQueries   the platform has inline mode ({@code @bot text})
 * @param secretHeader    the header carrying setWebhook's secret_token, or null where there is none (use a secret
 *                        path instead)
 * @param markdownText    every sent text is parsed as Markdown (Bale), so plain text must be escaped
 * @param dropOwnMessages getUpdates echoes the bot's own sends (Soroush Plus): drop them or the bot talks to itself
 * @param allowedUpdates  getUpdates understands {@code allowed_updates}
 * @param maxTextLength   longest message text
 */
public record TelegramProfile(String name, boolean inlineQueries, String secretHeader,
                              boolean markdownText, boolean dropOwnMessages, boolean allowedUpdates,
                              int maxTextLength) {
    public static final TelegramProfile TELEGRAM = new TelegramProfile("telegram", true, "X-Telegram-Bot-Api-Secret-Token",
            false, false, true, 4096);
    public static final TelegramProfile BALE = new TelegramProfile("bale", false, null, true, false, false, 4096);
    /** Inline mode and the secret header are unconfirmed on Soroush Plus: assume neither. */
    public static final TelegramProfile SOROUSH = new TelegramProfile("soroush", false, null, false, true, true, 4000);

    /** The profile for a transport name, or null when the name is not of the Telegram family. */
    public static TelegramProfile of(String name) {
        return switch (name) {
            case "telegram" -> TELEGRAM;
            case "bale" -> BALE;
            case "soroush" -> SOROUSH;
            default -> null;
        };
    }
}
