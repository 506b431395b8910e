package ir.peyk.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import ir.peyk.store.CommitGate;
import ir.peyk.store.Database;
import ir.peyk.store.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The durable inbox: every received update is stored here before it is handled, with its handling state, so a
 * restart (even kill -9) neither loses nor repeats one.
 *
 * <ul>
 *   <li>{@link #submit} stores a batch in ONE transaction: the offset is confirmed to the platform (by the next poll)
 *       only once the updates are durable. The transport's next offset, where to poll from after a restart, is stored
 *       with them, or, for rows handed over straight, with their done marks ({@link InboxWriter}).</li>
 *   <li>Duplicates (same transport and key) are ignored ({@code ON CONFLICT DO NOTHING} on the unique key): a platform re-sending, or a
 *       webhook retried, is handled once.</li>
 *   <li>Rows go pending → done | failed (the handler threw) | poison (unreadable; never handled). Pending rows left
 *       by a crash are handled at the next start; done rows never again.</li>
 * </ul>
 * Webhook servers call {@link #submit} too; the dispatcher is told of new rows by {@link #onNew} listeners.
 */
public final class Inbox implements UpdateSink {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * A stored update waiting to be handled. {@code attempts} counts earlier starts (a crash mid-handling).
     * {@code decoded} is the update as this process received it, when it still holds it (null: decode {@code json}).
     * {@code commit}: its storing, when it was handed over straight, before that committed (null: claimed from the
     * store).
     */
    public record Row(long id, String transport, String key, String orderingKey, String json, int attempts,
                      Update decoded, CommitGate commit) {
        Row(long id, String transport, String key, String orderingKey, String json, int attempts, Update decoded) {
            this(id, transport, key, orderingKey, json, attempts, decoded, null);
        }

        /**
         * Whether its started mark was stored with it (a row handed over straight), so none is written before it is
         * handled.
         */
        boolean startStored() {
            return commit != null;
        }
    }

    /**
     * Updates this process stored and has not claimed yet, by row id: the claim hands them over decoded, so the
     * JSON just written is not parsed again. Bounded (a long backlog, or rows another replica takes, decode from
     * the JSON as before).
     */
    private static final int FRESH_MAX = 4096;
    private final Map<Long, Update> fresh = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Update> eldest) {
            return size() > FRESH_MAX;
        }
    });

    private final Database db;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * The dispatcher that takes this process's rows straight from {@link #store}, on SQLite, where this process is the
     * store's only consumer. While it {@link #accepts} them, a stored row is inserted already claimed by it and handed
     * over in memory, committed, so no claim query (and no commit of its own) comes between storing an update and
     * handling it. Its started mark is stored with it ({@code attempts} 1, {@link Row#startStored}): a row handed over
     * is about to be handled, and counting it as started from now, rather than committing a mark of its own just
     * before its handler runs, takes a commit and a wait off every update. A crash then counts every row in hand (not
     * only those started) as interrupted once; a clean stop takes the mark back from rows it did not start
     * ({@link #unstart}). Stores, claims and hand-overs run one at a time under {@link #handoff}, so the dispatcher
     * receives every row of a chat in id order, whichever way it came.
     */
    interface Direct {
        /** Its name in the claims. */
        String owner();

        /** How long a claim it is given holds, from {@code now}. */
        long claimedUntil(long now);

        /** Whether {@code count} new rows of {@code transport} may be handed over straight (under the handoff lock). */
        boolean accepts(String transport, int count);

        /**
         * Rows committed as claimed by it, in id order (under the handoff lock; must not wait for anything). {@code all}:
         * they came from a claim that left no pending row unclaimed, so later rows may come straight.
         */
        void take(List<Row> rows, boolean all);
    }

    private final java.util.concurrent.locks.ReentrantLock handoff = new java.util.concurrent.locks.ReentrantLock();
    /** Where lone rows handed over straight are stored first, on a SQLite file; null otherwise. */
    private volatile InboxJournal journal;
    private volatile Direct direct;
    private boolean directRefused;

    /** Stores batches: numbers, hands over and inserts rows, and keeps the offsets not written yet. */
    private final InboxWriter writer;

    public Inbox(Database db) {
        this.db = db;
        this.writer = new InboxWriter(db, fresh, listeners);
    }

    /**
     * Hands this process's new rows to {@code d} straight (see {@link Direct}); only on SQLite, and only for one
     * dispatcher: with a second one on this inbox, neither gets rows so (both claim, as on PostgreSQL).
     */
    synchronized void direct(Direct d) {
        if (shared()) return;
        if (direct != null || directRefused) {
            direct = null;
            directRefused = true;
        } else {
            journal = InboxJournals.open(db, writer);
            direct = d;
        }
    }

    /**
     * Moves what the journal still holds into the table and lets the file go (the dispatcher stopped: no row comes
     * straight any more).
     */
    void closeJournal() {
        InboxJournal j = journal;
        journal = null;
        if (j != null) InboxJournals.close(db, writer, j);
    }

    /** Runs {@code work} while no store, claim or hand-over is in progress (a dispatcher changing what it accepts). */
    void betweenHandoffs(Runnable work) {
        handoff.lock();
        try {
            work.run();
        } finally {
            handoff.unlock();
        }
    }

    /** Called (on the submitting thread) after a submit stored at least one new pending update. */
    public void onNew(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Stores {@code batch} (duplicates ignored; poison items stored as poison, logged once) and its next offset, all
     * in one transaction. Returns the number of new pending updates.
     */
    @Override
    public void submit(String transport, Batch batch) {
        store(transport, batch);
    }

    public int store(String transport, Batch batch) {
        Direct d = direct;
        if (d == null) return writer.store(transport, batch, null);
        handoff.lock();
        try {
            return writer.store(transport, batch, d.accepts(transport, batch.items().size()) ? d : null);
        } finally {
            handoff.unlock();
        }
    }

    /** The offset to poll {@code transport} from, or null when it never polled. */
    public String offset(String transport) {
        String later = writer.unwritten(transport);
        if (later != null) return later;
        return db.text("SELECT next_offset FROM transport_offsets WHERE transport=?", transport).orElse(null);
    }

    /** Pending rows of {@code transports} after row {@code afterId}, oldest first. */
    public List<Row> pending(long afterId, Collection<String> transports, int limit) {
        if (transports.isEmpty() || limit <= 0) return List.of();
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, transport, key, ordering_key, update_json, attempts "
                    + "FROM inbox WHERE status='pending' AND id > ? AND transport IN " + Database.inList(transports.size())
                    + " ORDER BY id LIMIT ?")) {
                int i = 1;
                p.setLong(i++, afterId);
                for (String t : transports) p.setString(i++, t);
                p.setInt(i, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getInt(6), fresh.get(r.getLong(1))));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Claims, for {@code owner} until {@code now + lease}, pending rows of {@code transports} that may be handled now,
     * oldest first. A row may be handled when every older pending row of its chat (ordering key) is claimed by
     * {@code owner} itself: so a chat is handled by one consumer at a time and in order, while different chats go to
     * whichever consumer asks — several replicas on one PostgreSQL, or the one process on SQLite. A claim whose
     * deadline passed (its consumer died) counts as no claim, so another consumer takes the chat over from its oldest
     * pending row. On PostgreSQL the candidate rows are locked {@code FOR UPDATE SKIP LOCKED}: two replicas claiming at
     * the same moment skip each other's rows instead of waiting or both taking them.
     */
    public List<Row> claim(String owner, Collection<String> transports, int limit, long now, Duration lease) {
        if (transports.isEmpty() || limit <= 0) return List.of();
        String sql = "SELECT i.id, i.transport, i.key, i.ordering_key, i.update_json, i.attempts FROM inbox i "
                + "WHERE i.status='pending' AND i.transport IN " + Database.inList(transports.size())
                + " AND (i.claimed_by IS NULL OR i.claimed_until < ?) AND NOT EXISTS (SELECT 1 FROM inbox o "
                + "WHERE o.ordering_key=i.ordering_key AND o.status='pending' AND o.id < i.id "
                + "AND (o.claimed_by IS NULL OR o.claimed_by <> ? OR o.claimed_until < ?)) ORDER BY i.id LIMIT ?"
                + (db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE OF i SKIP LOCKED" : "");
        return db.tx(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                for (String t : transports) p.setString(i++, t);
                p.setLong(i++, now);
                p.setString(i++, owner);
                p.setLong(i++, now);
                p.setInt(i, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getInt(6), fresh.get(r.getLong(1))));
                    }
                }
            }
            for (Row row : out) fresh.remove(row.id()); // handed over: the claimer holds it now
            try (PreparedStatement p = c.prepareStatement("UPDATE inbox SET claimed_by=?, claimed_until=? WHERE id=?")) {
                for (Row row : out) {
                    p.setString(1, owner);
                    p.setLong(2, now + lease.toMillis());
                    p.setLong(3, row.id());
                    p.addBatch();
                }
                if (!out.isEmpty()) p.executeBatch();
            }
            return out;
        });
    }

    /**
     * {@link #claim} for {@code d}, whose rows are handed to it ({@link Direct#take}) before any later store can hand
     * it newer ones.
     */
    List<Row> claim(Direct d, Collection<String> transports, int limit, long now, Duration lease) {
        handoff.lock();
        try {
            List<Row> rows = claim(d.owner(), transports, limit, now, lease);
            // A claim takes only each chat's oldest rows it may: rows may be left behind one it took just now.
            d.take(rows, rows.size() < limit && !othersPending(d.owner(), transports, now));
            return rows;
        } finally {
            handoff.unlock();
        }
    }

    /** Whether a pending row of {@code transports} is not claimed by {@code owner} (or its claim lapsed). */
    private boolean othersPending(String owner, Collection<String> transports, long now) {
        if (transports.isEmpty()) return false;
        List<Object> args = new ArrayList<>(transports);
        args.add(owner);
        args.add(now);
        return db.exists("SELECT 1 FROM inbox WHERE status='pending' AND transport IN " + Database.inList(transports.size())
                + " AND (claimed_by IS NULL OR claimed_by <> ? OR claimed_until < ?) LIMIT 1", args.toArray());
    }

    /** Extends {@code owner}'s claims on its pending rows to {@code until} (a live consumer keeps its chats). */
    public int renew(String owner, long until) {
        return db.update("UPDATE inbox SET claimed_until=? WHERE claimed_by=? AND status='pending'", until, owner);
    }

    /**
     * Gives up claims: {@code owner}'s (a clean stop: other replicas need not wait for the deadline), or every claim
     * when {@code owner} is null (a SQLite store at start: its one process is this one, so any claim is a dead run's).
     */
    public int release(String owner) {
        return owner == null
                ? db.update("UPDATE inbox SET claimed_by=NULL, claimed_until=NULL WHERE claimed_by IS NOT NULL")
                : db.update("UPDATE inbox SET claimed_by=NULL, claimed_until=NULL WHERE claimed_by=?", owner);
    }

    /** Whether the store is shared by several processes (PostgreSQL), so claims of others must be respected. */
    public boolean shared() {
        return db.dialect() == Dialect.POSTGRESQL;
    }

    /**
     * Number of pending rows of {@code transport} (all transports when null): in the table, and in the journal (a row
     * there is pending until the marks that move it into the table).
     */
    public int pendingCount(String transport) {
        long table = transport == null
                ? db.count("SELECT COUNT(*) FROM inbox WHERE status='pending'")
                : db.count("SELECT COUNT(*) FROM inbox WHERE status='pending' AND transport=?", transport);
        return (int) table + writer.inJournal(transport);
    }

    /** Records that handling of row {@code id} starts (persisted first, so a crash mid-handling is known later). */
    public void started(long id) {
        apply(List.of(new InboxMarks.Mark(id, InboxMarks.Kind.STARTED, null, 0)));
    }

    /**
     * Takes back the started marks stored with rows handed over straight that were never started (a clean stop left
     * them pending): a stop is not a crash, and must not count against them.
     */
    void unstart(Collection<Long> ids) {
        if (ids.isEmpty()) return;
        List<InboxJournal.Entry> absorbed = db.tx(c -> {
            List<InboxJournal.Entry> rows = writer.absorb(c); // rows in the journal are updated in the table
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE inbox SET attempts = attempts - 1 WHERE id=? AND status='pending' AND attempts > 0")) {
                for (long id : ids) {
                    p.setLong(1, id);
                    p.addBatch();
                }
                p.executeBatch();
            }
            return rows;
        });
        writer.absorbed(absorbed);
    }

    public void done(long id) {
        apply(List.of(new InboxMarks.Mark(id, InboxMarks.Kind.DONE, null, System.currentTimeMillis())));
    }

    /** The handler threw (or the update could not be decoded any more): never retried. */
    public void failed(long id, String error) {
        apply(List.of(new InboxMarks.Mark(id, InboxMarks.Kind.FAILED, error == null ? "" : error,
                System.currentTimeMillis())));
    }

    /** Writes {@code marks} in order, in one transaction (the dispatcher's group commit, {@link InboxMarks}). */
    void apply(List<InboxMarks.Mark> marks) {
        if (marks.isEmpty()) return;
        List<List<InboxJournal.Entry>> absorbed = new ArrayList<>(1);
        Map<String, String> written = db.tx(c -> {
            // Rows still in the journal first: their marks update them, and an offset is never stored before them.
            absorbed.clear();
            absorbed.add(writer.absorb(c));
            try (Database.Prepared started = db.prepare(c, "UPDATE inbox SET attempts = attempts + 1 WHERE id=?");
                 Database.Prepared finished = db.prepare(c, "UPDATE inbox SET status=?, error=?, claimed_by=NULL, "
                         + "claimed_until=NULL, finished_at=? WHERE id=?")) {
                PreparedStatement start = started.statement();
                PreparedStatement finish = finished.statement();
                for (InboxMarks.Mark m : marks) {
                    // One statement at a time, in order: a started mark after a done one stays after it.
                    if (m.kind() == InboxMarks.Kind.STARTED) {
                        start.setLong(1, m.id());
                        start.executeUpdate();
                    } else {
                        finish.setString(1, m.kind() == InboxMarks.Kind.DONE ? "done" : "failed");
                        finish.setString(2, m.kind() == InboxMarks.Kind.DONE ? null : m.error() == null ? "" : m.error());
                        finish.setLong(3, m.at());
                        finish.setLong(4, m.id());
                        finish.executeUpdate();
                    }
                }
            }
            return writer.writeUnwritten(c);
        });
        writer.absorbed(absorbed.get(0));
        writer.written(written);
    }

    /** The status of an update (pending, done, failed, poison), or null when unknown. */
    public String status(String transport, String key) {
        return db.text("SELECT status FROM inbox WHERE transport=? AND key=?", transport, key).orElse(null);
    }

    /** Row counts by status. */
    public Map<String, Integer> counts() {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT status, COUNT(*) FROM inbox GROUP BY status ORDER BY status");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.put(r.getString(1), r.getInt(2));
            }
            return out;
        });
    }

    /**
     * Deletes finished rows older than {@code age}. Their keys stop deduplicating then, which is safe: the platform
     * does not re-send updates below a confirmed offset, and retention is far longer than any redelivery window.
     */
    public int prune(Duration age) {
        long cutoff = System.currentTimeMillis() - age.toMillis();
        return db.update("DELETE FROM inbox WHERE status <> 'pending' AND finished_at IS NOT NULL AND finished_at < ?",
                cutoff);
    }

    static Update decode(String json) throws JsonProcessingException {
        return JSON.readValue(json, Update.class);
    }
}
