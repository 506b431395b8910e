package ir.peyk.broadcast;

import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.store.Subscribers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What admins and operators do with broadcasts, shared by the bot's commands and the command line: who receives one,
 * drafting, confirming, creating and cancelling. Sending is the {@link BroadcastWorker}'s job.
 *
 * <p>Recipients are the subscribed chats of the <em>enabled</em> messengers plus the channel targets configured for
 * them ({@code transports.NAME.channels}). Subscribers of a messenger that is switched off are left out: no worker
 * could reach them, and the job would never end.
 */
public final class Broadcasts {
    /** Refused input (empty text, no recipients): the message is for the user. */
    public static final class Refused extends RuntimeException {
        public final String key;

        Refused(String key, String message) {
            super(message);
            this.key = key;
        }
    }

    /** Longest broadcast text, in UTF-16 units: four Telegram messages. */
    public static final int MAX_TEXT = 16_384;

    private final BroadcastStore store;
    private final Subscribers subscribers;
    private final PeykConfig config;

    public Broadcasts(BroadcastStore store, Subscribers subscribers, PeykConfig config) {
        this.store = store;
        this.subscribers = subscribers;
        this.config = config;
    }

    public BroadcastStore store() {
        return store;
    }

    /** Every recipient a broadcast would reach now. */
    public List<Recipient> recipients() {
        Set<String> enabled = config.enabledTransports().stream().map(TransportConfig::name).collect(Collectors.toSet());
        List<Recipient> out = new ArrayList<>();
        for (Subscribers.Subscriber s : subscribers.all()) {
            if (enabled.contains(s.transport())) out.add(new Recipient(s.transport(), s.chatId(), s.group(), false));
        }
        for (TransportConfig t : config.enabledTransports()) {
            for (String ch : t.channels()) {
                if (!ch.isBlank()) out.add(new Recipient(t.name(), ch.strip(), false, true));
            }
        }
        return out;
    }

    /** A draft awaiting confirmation (the preview). */
    public Job draft(String text, String createdBy, String lang) {
        return store.draft(check(text), createdBy, lang);
    }

    /** Confirms a draft; empty when it is no longer a draft (see {@link BroadcastStore#start}). */
    public Optional<Job> confirm(long id) {
        return store.start(id, this::recipients);
    }

    /** Creates and confirms a job at once (the command line). */
    public Job create(String text, String createdBy, String lang) {
        String t = check(text);
        if (recipients().isEmpty()) throw new Refused("nobody", "there is nobody to send to: no subscribed chats and "
                + "no channel targets on the enabled messengers (" + enabledNames() + ")");
        return store.create(t, createdBy, lang, this::recipients);
    }

    public Optional<Job> cancel(long id) {
        return store.cancel(id);
    }

    private String enabledNames() {
        return config.enabledTransports().stream().map(TransportConfig::name).collect(Collectors.joining(", "));
    }

    private static String check(String text) {
        if (text == null || text.isBlank()) throw new Refused("usage", "the broadcast text is empty");
        if (text.length() > MAX_TEXT) {
            throw new Refused("too.long", "the broadcast text has " + text.length() + " characters; at most " + MAX_TEXT
                    + " are allowed (it is sent as several messages where a messenger allows less)");
        }
        if (text.indexOf('\0') >= 0) throw new Refused("usage", "the broadcast text contains a NUL character");
        return text.strip();
    }
}
