package ir.peyk.cli;

import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.config.ConfigException;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.transport.Transports;
import ir.peyk.transport.console.ConsoleTransport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens the enabled transports for sending only (no polling) for {@code broadcast send --wait}, built as the bot builds
 * them ({@link Transports}, each with the configured throttle). A token is checked before anything is sent; a
 * transport that cannot be built here is reported, and its rows wait for the running bot.
 */
final class CliTransports {
    private CliTransports() {}

    /** Opens what it can; every opened transport is also added to {@code opened} (the caller closes them). */
    static Map<String, Transport> open(PeykConfig config, List<Transport> opened) {
        Map<String, Transport> out = new LinkedHashMap<>();
        for (TransportConfig tc : config.enabledTransports()) {
            Transport t;
            try {
                t = Transports.create(tc, config);
            } catch (ConfigException e) {
                if (tc.token() == null && !tc.name().equals(ConsoleTransport.NAME)) throw new Main.UserError(e.getMessage());
                System.err.println("peyk: " + e.getMessage() + "; its rows wait for the running bot");
                continue;
            }
            opened.add(t);
            if (!(t instanceof ConsoleTransport)) { // the console chat is this terminal: nothing to check
                try {
                    t.start(); // a refused token ends here with one line, not with every row failing
                } catch (TransportException e) {
                    throw new Main.UserError(tc.name() + ": " + e.getMessage());
                }
            }
            out.put(tc.name(), t);
        }
        return out;
    }
}
