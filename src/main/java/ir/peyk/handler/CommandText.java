package ir.peyk.handler;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command as typed: {@code /summary@peyk_bot 4} → name "summary", bot "peyk_bot", args "4".
 *
 * @param name the command name, lower-cased (Telegram's rule: 1–32 of a-z, 0-9, _)
 * @param bot  the bot it was addressed to ({@code /cmd@bot}), or null
 * @param args the rest of the text, stripped (never null)
 */
public record CommandText(String name, String bot, String args) {
    // A leading "/" then the name; the name may be longer or contain other characters — such text is still a command
    // (an unknown one), so that "/سلام" gets the command list rather than being answered as a question.
    private static final Pattern COMMAND = Pattern.compile("^/([^\\s@/]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?=\\s|$)");
    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9_]{1,32}");

    /** The command at the start of {@code text}, or empty when the text is not a command. Never throws. */
    public static Optional<CommandText> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.stripLeading();
        if (t.length() < 2 || t.charAt(0) != '/') return Optional.empty();
        Matcher m = COMMAND.matcher(t);
        if (!m.find()) return Optional.empty();
        String args = t.substring(m.end()).strip();
        return Optional.of(new CommandText(m.group(1).toLowerCase(Locale.ROOT), m.group(2), args));
    }

    /** Whether the name is a well-formed command name (an unknown command may not be). */
    public boolean wellFormed() {
        return VALID_NAME.matcher(name).matches();
    }

    /** True when addressed to no bot in particular, or to {@code username} (case-insensitive, "@" optional). */
    public boolean addressedTo(String username) {
        if (bot == null) return true;
        if (username == null) return false;
        String u = username.startsWith("@") ? username.substring(1) : username;
        return bot.equalsIgnoreCase(u);
    }
}
