package ir.peyk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chats subscribed to broadcasts, and each chat's reply language. Keyed by (transport, chat id): one person on two
 * messengers is two subscribers.
 */
public final class Subscribers {
    /** A subscribed chat. */
    public record Subscriber(String transport, String chatId, boolean group) {}

    private static final String LANGUAGES = "chat languages";
    private static final int LANGUAGES_KEPT = 10_000;
    private final Database db;

    public Subscribers(Database db) {
        this.db = db;
    }

    /** Subscribes a chat; returns false when it already was. */
    public boolean subscribe(String transport, String chatId, boolean group) {
        return db.update("INSERT INTO subscribers(transport, chat_id, is_group, since) VALUES(?,?,?,?) "
                + "ON CONFLICT DO NOTHING",
                transport, chatId, group ? 1 : 0, System.currentTimeMillis()) == 1;
    }

    /** Unsubscribes a chat; returns false when it was not subscribed. */
    public boolean unsubscribe(String transport, String chatId) {
        return db.update("DELETE FROM subscribers WHERE transport=? AND chat_id=?", transport, chatId) == 1;
    }

    public boolean isSubscribed(String transport, String chatId) {
        return db.exists("SELECT 1 FROM subscribers WHERE transport=? AND chat_id=?", transport, chatId);
    }

    /** Every subscriber, in a stable order (transport, then subscription time). */
    public List<Subscriber> all() {
        return db.read(c -> {
            List<Subscriber> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT transport, chat_id, is_group FROM subscribers ORDER BY transport, since, chat_id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new Subscriber(r.getString(1), r.getString(2), r.getInt(3) == 1));
            }
            return out;
        });
    }

    public int count() {
        return (int) db.count("SELECT COUNT(*) FROM subscribers");
    }

    /**
     * The chat's chosen reply language ("fa", "en"), if it chose one. Every update asks (the lookup cost about a sixth
     * of an update's CPU, issue 14), so on SQLite — whose one bot process is the only one to set a language, from the
     * chat ({@link #setLanguage}) — the answer is kept in memory ({@link Database#memo}, up to
     * {@value #LANGUAGES_KEPT} chats). On PostgreSQL a chat moves between replicas, and another may have changed it:
     * the store is asked every time.
     */
    public Optional<String> language(String transport, String chatId) {
        if (db.dialect() != Dialect.SQLITE) return lookUpLanguage(transport, chatId);
        Map<String, Optional<String>> known = db.memo(LANGUAGES);
        String key = languageKey(transport, chatId);
        Optional<String> lang = known.get(key);
        if (lang == null) {
            lang = lookUpLanguage(transport, chatId);
            if (known.size() >= LANGUAGES_KEPT) known.clear();
            known.put(key, lang);
        }
        return lang;
    }

    private Optional<String> lookUpLanguage(String transport, String chatId) {
        return db.text("SELECT lang FROM chat_settings WHERE transport=? AND chat_id=?", transport, chatId);
    }

    public void setLanguage(String transport, String chatId, String lang) {
        db.update("INSERT INTO chat_settings(transport, chat_id, lang) VALUES(?,?,?) "
                + "ON CONFLICT(transport, chat_id) DO UPDATE SET lang=excluded.lang", transport, chatId, lang);
        db.memo(LANGUAGES).remove(languageKey(transport, chatId)); // asked again next time: the store has the last word
    }

    private static String languageKey(String transport, String chatId) {
        return transport + '\n' + chatId;
    }
}
