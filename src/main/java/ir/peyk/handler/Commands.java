package ir.peyk.handler;

import ir.peyk.adapter.TransportException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command registry: name → handler, in the order /help lists them. Each command's help line is the bundle key
 * {@code cmd.NAME} (its usage, e.g. "/summary [n]", is {@code cmd.NAME.usage}).
 */
public final class Commands {
    /** Handles one command; {@code args} is the text after the command, stripped. */
    @FunctionalInterface
    public interface Handler {
        void handle(Turn turn, String args) throws TransportException;
    }

    public record Entry(String name, Handler handler) {}

    private final Map<String, Entry> byName = new LinkedHashMap<>();

    public Commands add(String name, Handler handler) {
        if (byName.putIfAbsent(name, new Entry(name, handler)) != null) {
            throw new IllegalArgumentException("command /" + name + " is registered twice");
        }
        return this;
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /** One line per command: "/summary [n] — a short summary", localized. */
    public String listing(Turn turn) {
        StringBuilder b = new StringBuilder();
        for (String name : byName.keySet()) {
            if (b.length() > 0) b.append('\n');
            b.append(turn.t("cmd." + name + ".usage")).append(" — ").append(turn.t("cmd." + name));
        }
        return b.toString();
    }
}
