package ir.peyk.cli;

import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.transport.console.ConsoleTransport;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the enabled transports for sending only (no polling), for {@code broadcast send --wait}. Each gets its own
 * throttle with the configured limits, as in the bot. Transports this command cannot open are reported; their rows
 * wait for the running bot.
 */
final class CliTransports {
    private CliTransports() {}

    /** Opens what it can; every opened transport is also added to {@code opened} (the caller closes them). */
    static Map<String, Transport> open(PeykConfig config, List<Transport> opened) {
        Map<String, Transport> out = new LinkedHashMap<>();
        PeykConfig.ThrottleConfig th = config.throttle();
        for (TransportConfig tc : config.enabledTransports()) {
            TelegramProfile profile = TelegramProfile.of(tc.name());
            Transport t;
            if (profile != null) {
                if (tc.token() == null) {
                    throw new Main.UserError(tc.name() + " is enabled but PEYK_" + tc.name().toUpperCase(Locale.ROOT)
                            + "_TOKEN is not set");
                }
                t = new TelegramTransport(profile, tc.apiUrl(), tc.token(), new Throttle(new Throttle.Limits(
                        th.overallPerSecond(), th.perChatPerSecond(), th.perGroupPerMinute())), RetryPolicy.DEFAULT, 0);
                opened.add(t);
                try {
                    t.start(); // a refused token ends here with one line, not with every row failing
                } catch (TransportException e) {
                    throw new Main.UserError(tc.name() + ": " + e.getMessage());
                }
            } else if (tc.name().equals(ConsoleTransport.NAME)) {
                t = ConsoleTransport.system(); // the console chat is this terminal
                opened.add(t);
            } else {
                System.err.println("peyk: " + tc.name() + " cannot send from the command line yet; its rows wait "
                        + "for the running bot");
                continue;
            }
            out.put(tc.name(), t);
        }
        return out;
    }
}
