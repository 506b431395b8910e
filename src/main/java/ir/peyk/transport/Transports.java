package ir.peyk.transport;

import ir.peyk.adapter.Transport;
import ir.peyk.config.ConfigException;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.config.TransportOptions;
import ir.peyk.store.KeypadMessages;
import ir.peyk.transport.console.ConsoleTransport;
import ir.peyk.transport.eitaa.EitaaTransport;
import ir.peyk.transport.gap.GapTransport;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.rubika.BotCommand;
import ir.peyk.transport.rubika.KeypadMemory;
import ir.peyk.transport.rubika.RubikaTransport;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import ir.peyk.transport.telegram.Tg;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link Transport} from its configuration; each gets its own {@link Throttle} (limits are per bot). */
public final class Transports {
    private Transports() {}

    /**
     * The "/" menu of the Telegram family: Persian as the default list, English for users whose app is in English.
     * Both come from the UI bundles' {@code cmd.*} lines, the list /help shows (a test keeps it equal to the router's).
     */
    public static Map<String, List<Tg.BotCommand>> menus() {
        Map<String, List<Tg.BotCommand>> menus = new LinkedHashMap<>(); // the default list first
        menus.put("", telegramMenu("fa"));
        menus.put("en", telegramMenu("en"));
        return menus;
    }

    private static List<Tg.BotCommand> telegramMenu(String lang) {
        return BotCommand.fromMessages(lang).stream().map(c -> new Tg.BotCommand(c.command(), c.description())).toList();
    }

    /**
     * @throws ConfigException when a transport that needs a token has none (the message names the variable), or the
     *                         transport is not built in
     */
    public static Transport create(TransportConfig tc, PeykConfig config) throws ConfigException {
        PeykConfig.ThrottleConfig th = config.throttle();
        Throttle throttle = new Throttle(new Throttle.Limits(th.overallPerSecond(), th.perChatPerSecond(),
                th.perGroupPerMinute()));
        String name = tc.name();
        if (name.equals(ConsoleTransport.NAME)) return ConsoleTransport.system();
        if (tc.token() == null || tc.token().isBlank()) {
            throw new ConfigException(name + " is enabled but has no token: set " + TransportConfig.tokenVariable(name)
                    + " (or leave " + name + " out of PEYK_TRANSPORT)");
        }
        try {
            TelegramProfile profile = TelegramProfile.of(name);
            if (profile != null) {
                return new TelegramTransport(profile, tc.apiUrl(), tc.token(), throttle, RetryPolicy.DEFAULT,
                        TransportOptions.integer(tc, "pollTimeoutSeconds", 25, 0), menus());
            }
            return switch (name) {
                case "rubika" -> RubikaTransport.create(tc, throttle, RetryPolicy.DEFAULT, BotCommand.fromMessages("fa"));
                case "eitaa" -> EitaaTransport.create(tc, throttle, RetryPolicy.DEFAULT);
                case "gap" -> GapTransport.create(tc, throttle, RetryPolicy.DEFAULT);
                default -> throw new ConfigException("transport " + name + " is not built into this version of Peyk");
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage()); // a malformed option: the message names it
        }
    }

    /**
     * Rubika's keypad presses edit the message that carried the keypad: kept in the store, so a press after a restart
     * still edits it (issue 12).
     */
    public static void keepKeypadsIn(List<Transport> transports, KeypadMessages store) {
        for (Transport t : transports) {
            if (!(t instanceof RubikaTransport rubika)) continue;
            rubika.keepKeypadsIn(new KeypadMemory() {
                @Override
                public String find(String chatId) {
                    return store.find(rubika.name(), chatId).orElse(null);
                }

                @Override
                public void remember(String chatId, String messageId) {
                    store.remember(rubika.name(), chatId, messageId);
                }
            });
        }
    }
}
