package ir.peyk.transport.rubika;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command shown in Rubika's command list (setCommands): {@code command} without the slash. */
public record BotCommand(String command, String description) {
    private static final Pattern HELP_LINE = Pattern.compile("^cmd\\.([a-z0-9_]{1,32})\\s*[=:]\\s*(.+)$");

    public BotCommand {
        if (command.startsWith("/")) command = command.substring(1);
    }

    /**
     * The bot's commands as its UI bundle lists them ({@code cmd.NAME=help line} in
     * {@code peyk/i18n/messages_<lang>.properties}, in file order): the router's own command list, so nothing is
     * written twice. Empty when the bundle is absent.
     */
    public static List<BotCommand> fromMessages(String lang) {
        List<BotCommand> out = new ArrayList<>();
        try (InputStream in = BotCommand.class.getResourceAsStream("/peyk/i18n/messages_" + lang + ".properties")) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = HELP_LINE.matcher(line.strip());
                if (m.matches()) out.add(new BotCommand(m.group(1), m.group(2).strip()));
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
