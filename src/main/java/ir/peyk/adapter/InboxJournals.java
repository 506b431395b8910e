package ir.peyk.adapter;

import ir.peyk.store.Database;
import ir.peyk.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link InboxJournal}'s life beside a SQLite store: opened for the one dispatcher taking rows straight, with what a
 * crash left in it inserted first; closed with what it still holds moved into the table. Without a journal (another
 * process holds it, or it cannot be opened) every row goes into the table, as before.
 */
final class InboxJournals {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private InboxJournals() {}

    /** The journal of {@code db}'s file, its leftovers inserted, in use by {@code writer}; null without one. */
    static InboxJournal open(Database db, InboxWriter writer) {
        Path file = db.path();
        if (file == null || file.getFileName() == null || file.getFileName().toString().startsWith(":")) return null;
        Path path = file.resolveSibling(file.getFileName() + "-inbox.log");
        InboxJournal j = null;
        try {
            j = InboxJournal.open(path);
            if (j == null) {
                log.warn("the inbox journal {} is held by another process; this one stores every update in the table",
                        path);
                return null;
            }
            List<InboxJournal.Entry> left = j.recover();
            if (!left.isEmpty()) {
                db.tx(c -> {
                    writer.insertAll(c, left);
                    return null;
                });
                log.info("recovered {} stored update(s) from the inbox journal {}", left.size(), path);
            }
            j.clear();
            writer.useJournal(j);
            return j;
        } catch (IOException | RuntimeException e) {
            log.warn("cannot use the inbox journal {} ({}); every update is stored in the table", path, e.getMessage());
            closeQuietly(j);
            if (e instanceof StoreException s) throw s; // the store itself failed: the bot cannot start
            return null;
        }
    }

    /** Moves what {@code j} still holds into the table and closes it; left in the file when the store fails. */
    static void close(Database db, InboxWriter writer, InboxJournal j) {
        try {
            List<InboxJournal.Entry> rows = db.tx(writer::absorb);
            writer.absorbed(rows);
        } catch (RuntimeException e) {
            log.warn("the inbox journal {} keeps {} update(s) for the next start: {}", j.path(), j.unabsorbed().size(),
                    e.getMessage());
        } finally {
            writer.useJournal(null);
            closeQuietly(j);
        }
    }

    private static void closeQuietly(InboxJournal j) {
        if (j == null) return;
        try {
            j.close();
        } catch (IOException ignored) {
            // closing after a failure: the lock goes with the channel
        }
    }
}
