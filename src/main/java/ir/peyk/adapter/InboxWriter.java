package ir.peyk.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import ir.peyk.metrics.Metrics;
import ir.peyk.store.CommitGate;
import ir.peyk.store.Database;
import ir.peyk.store.Dialect;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Inbox}'s writing side: stores a batch in one transaction (duplicates ignored, poison stored as poison),
 * and on SQLite numbers the rows and hands them to the dispatcher straight, before they are inserted — or, for a lone
 * update whose key is new for sure, stores it in the {@link InboxJournal} instead, to be inserted with the next marks
 * ({@link #absorb}). It keeps the transports' offsets that wait for the next done marks.
 */
final class InboxWriter {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private static final String COLUMNS = "transport, key, ordering_key, update_json, status, error, received_at, "
            + "finished_at, claimed_by, claimed_until, attempts";
    /** On SQLite: the process gives the id ({@link #lastId}); a duplicate inserts no row (update count 0). */
    private static final String INSERT_OWN_ID = "INSERT INTO inbox(id, " + COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?) "
            + "ON CONFLICT DO NOTHING";
    /** On PostgreSQL: the store gives the id; a duplicate returns no row. */
    private static final String INSERT_RETURNING_ID = "INSERT INTO inbox(" + COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?,?,?) "
            + "ON CONFLICT DO NOTHING RETURNING id";

    private final Database db;
    /** The inbox's rows stored and not claimed yet, by id (decoded: a claim hands them over without parsing). */
    private final Map<Long, Update> fresh;
    /** Told (on the storing thread) that new pending rows were stored. */
    private final List<Runnable> listeners;

    /**
     * Offsets of batches handed over straight, not written yet: each is written with the next done marks (of its
     * rows, as a rule) instead of in the batch's own transaction, which then holds the rows alone. The stored offset
     * is a hint for the next start, and a late one costs nothing: the platform re-sends what it has from there, and
     * the inbox ignores updates it holds already. It is never ahead of the stored updates: an offset waits here only
     * once its batch is committed.
     */
    private final Map<String, String> unwritten = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * On SQLite, the last row id given out (-1: not read yet; read and changed only inside the store's transactions,
     * which SQLite runs one at a time). This process numbers the rows itself so that an id is never given twice, not
     * even when the transaction that took it rolled back: a row handed over before its commit may still be in a
     * worker's hands then, and a new row with its id would be taken for it.
     */
    private long lastId = -1;

    /**
     * Where a lone row handed over straight is stored instead of the table, when this process holds the journal
     * ({@link #useJournal}); null: every row goes into the table. Dropped for good after a failed append.
     */
    private volatile InboxJournal journal;
    /** Keys new for sure, which may go to the journal (used under the store's lock, as {@link #lastId}). */
    private final NewKeys newKeys = new NewKeys();

    InboxWriter(Database db, Map<Long, Update> fresh, List<Runnable> listeners) {
        this.db = db;
        this.fresh = fresh;
        this.listeners = listeners;
    }

    /**
     * Stores {@code batch}. With {@code to}, its updates are numbered and handed to it first, claimed by it, and
     * inserted after: their handlers start while the transaction runs, and what they do outside the process waits for
     * its commit ({@link CommitGate}, one per row: a duplicate's, or a row's that cannot be stored, shuts at once).
     */
    int store(String transport, Batch batch, Inbox.Direct to) {
        if (to != null && journal != null && batch.items().size() == 1 && batch.items().get(0).update() != null
                && NewKeys.number(batch.items().get(0).key()) != null) {
            Integer added = journaled(transport, batch, to);
            if (added != null) return added;
        }
        long now = System.currentTimeMillis();
        List<Batch.Item> newPoison = new ArrayList<>();
        Map<Long, Update> stored = new LinkedHashMap<>();
        List<Inbox.Row> handed = new ArrayList<>();
        int added;
        try {
            added = db.tx(c -> {
                int pending = 0;
                newPoison.clear(); // a retried transaction starts over (PostgreSQL's, which hands nothing over)
                stored.clear();
                boolean ownIds = db.dialect() != Dialect.POSTGRESQL;
                if (ownIds && lastId < 0) lastId = db.count("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence "
                        + "WHERE name='inbox'), 0), COALESCE((SELECT MAX(id) FROM inbox), 0))");
                Inbox.Row[] straight = handOver(transport, batch, to, handed);
                try (Database.Prepared insert = db.prepare(c, ownIds ? INSERT_OWN_ID : INSERT_RETURNING_ID)) {
                    PreparedStatement p = insert.statement();
                    for (int i = 0; i < straight.length; i++) {
                        Batch.Item item = batch.items().get(i);
                        Inbox.Row row = straight[i];
                        boolean poison = item.update() == null;
                        String json = null;
                        String error = item.error();
                        if (!poison) {
                            try {
                                json = UpdateJson.write(item.update());
                            } catch (IOException e) {
                                poison = true;
                                error = "cannot be stored: " + (e instanceof JsonProcessingException j
                                        ? j.getOriginalMessage() : e.getMessage());
                                if (row != null) row.commit().rolledBack();
                            }
                        }
                        long ownId = !ownIds ? -1 : row != null ? row.id() : ++lastId;
                        boolean claimed = to != null && !poison;
                        bindRow(p, ownId, transport, item.key(),
                                poison ? transport + ":poison" : item.update().orderingKey(), json,
                                poison ? "poison" : "pending", error, now, poison ? now : null,
                                claimed ? to.owner() : null, claimed ? to.claimedUntil(now) : 0, claimed ? 1 : 0);
                        long id; // -1: a duplicate (nothing inserted)
                        if (ownIds) {
                            id = p.executeUpdate() == 1 ? ownId : -1; // the id is ours: no RETURNING row to read
                        } else {
                            try (ResultSet r = p.executeQuery()) {
                                id = r.next() ? r.getLong(1) : -1;
                            }
                        }
                        if (ownIds && journal != null) newKeys.stored(c, transport, item.key());
                        if (id < 0) {
                            if (row != null) row.commit().rolledBack(); // the one stored before is the update
                        } else if (poison) {
                            newPoison.add(new Batch.Item(item.key(), null, error));
                            Metrics.updateHandled(transport, "poison");
                        } else {
                            if (row == null) stored.put(id, item.update());
                            pending++;
                        }
                    }
                }
                if (batch.nextOffset() != null && handed.isEmpty()) {
                    writeOffset(c, transport, batch.nextOffset(), now);
                    unwritten.remove(transport); // this one is newer
                }
                return pending;
            });
        } catch (RuntimeException e) {
            for (Inbox.Row row : handed) row.commit().rolledBack();
            throw e;
        }
        // Only once committed (a later done mark carries it): an offset stored ahead of its updates would lose them.
        if (!handed.isEmpty() && batch.nextOffset() != null) unwritten.put(transport, batch.nextOffset());
        for (Inbox.Row row : handed) row.commit().committed(); // a gate shut before stays shut
        fresh.putAll(stored); // only once committed: a rolled-back row must not be handed out
        for (Batch.Item item : newPoison) {
            log.warn("{}: skipped update {} that could not be read: {}", transport, item.key(), item.error());
        }
        if (added > 0 && handed.isEmpty()) listeners.forEach(Runnable::run);
        return added;
    }

    /**
     * Stores a lone update handed over straight by appending it to the journal, when its key is new for sure; null
     * when it is not (the caller stores it in the table, whose unique index finds a duplicate).
     */
    private Integer journaled(String transport, Batch batch, Inbox.Direct to) {
        Batch.Item item = batch.items().get(0);
        long now = System.currentTimeMillis();
        String json;
        try {
            json = UpdateJson.write(item.update());
        } catch (IOException e) {
            return null; // stored as poison, with the error, by the table's path
        }
        List<Inbox.Row> handed = new ArrayList<>();
        boolean stored;
        try {
            // The store's lock (no SQL is run unless a key maximum is read): ids, keys and appends one store at a time.
            stored = db.read(c -> {
                InboxJournal j = journal;
                if (j == null || lastId < 0 || !newKeys.isNew(c, transport, item.key())) return false;
                // Stored first, under the id the hand-over gives it next; taken back if the hand-over fails.
                InboxJournal.Entry entry = new InboxJournal.Entry(lastId + 1, transport, item.key(),
                        item.update().orderingKey(), json, now, to.owner(), to.claimedUntil(now));
                if (!j.append(entry)) return false; // no room left: into the table
                try {
                    handOver(transport, batch, to, handed);
                } catch (RuntimeException e) {
                    j.retract(entry);
                    lastId = Math.max(lastId, entry.id()); // never given twice
                    throw e;
                }
                newKeys.stored(c, transport, item.key());
                return true;
            });
        } catch (RuntimeException e) {
            for (Inbox.Row row : handed) row.commit().rolledBack();
            throw e;
        }
        if (!stored) return null;
        if (batch.nextOffset() != null) unwritten.put(transport, batch.nextOffset());
        for (Inbox.Row row : handed) row.commit().committed();
        return 1;
    }

    /** From now on, lone rows handed over straight are stored in {@code j} (this process holds its lock). */
    void useJournal(InboxJournal j) {
        this.journal = j;
    }

    /**
     * Inside a transaction: inserts the rows the journal holds that are not in the table yet (a duplicate of one there
     * is ignored); returns them, for {@link #absorbed} once the transaction committed.
     */
    List<InboxJournal.Entry> absorb(Connection c) throws SQLException {
        InboxJournal j = journal;
        if (j == null) return List.of();
        List<InboxJournal.Entry> rows = j.unabsorbed();
        insertAll(c, rows);
        return rows;
    }

    /** Inserts journal rows into the table as they were handed over: pending, claimed, their start counted. */
    void insertAll(Connection c, List<InboxJournal.Entry> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (Database.Prepared insert = db.prepare(c, INSERT_OWN_ID)) {
            PreparedStatement p = insert.statement();
            for (InboxJournal.Entry e : rows) {
                bindRow(p, e.id(), e.transport(), e.key(), e.orderingKey(), e.json(), "pending", null, e.receivedAt(),
                        null, e.owner(), e.claimedUntil(), 1);
                p.executeUpdate();
            }
        }
    }

    /**
     * Binds a row's values to {@link #INSERT_OWN_ID} ({@code ownId} ≥ 0) or {@link #INSERT_RETURNING_ID} (-1), in
     * {@link #COLUMNS}' order; with no {@code owner} the row is not claimed.
     */
    private static void bindRow(PreparedStatement p, long ownId, String transport, String key, String orderingKey,
            String json, String status, String error, long receivedAt, Long finishedAt, String owner,
            long claimedUntil, int attempts) throws SQLException {
        int n = 0;
        if (ownId >= 0) p.setLong(++n, ownId);
        p.setString(++n, transport);
        p.setString(++n, key);
        p.setString(++n, orderingKey);
        p.setString(++n, json);
        p.setString(++n, status);
        p.setString(++n, error);
        p.setLong(++n, receivedAt);
        if (finishedAt != null) p.setLong(++n, finishedAt);
        else p.setNull(++n, java.sql.Types.INTEGER);
        if (owner != null) {
            p.setString(++n, owner);
            p.setLong(++n, claimedUntil);
        } else {
            p.setNull(++n, java.sql.Types.VARCHAR);
            p.setNull(++n, java.sql.Types.INTEGER);
        }
        p.setInt(++n, attempts);
    }

    /** Rows of {@code transport} (any when null) in the journal, not yet in the table. */
    int inJournal(String transport) {
        InboxJournal j = journal;
        if (j == null) return 0;
        int n = 0;
        for (InboxJournal.Entry e : j.unabsorbed()) if (transport == null || transport.equals(e.transport())) n++;
        return n;
    }

    /** The transaction carrying {@code rows} ({@link #absorb}) committed: the journal may forget them. */
    void absorbed(List<InboxJournal.Entry> rows) {
        InboxJournal j = journal;
        if (j != null && !rows.isEmpty()) j.absorbed(rows);
    }

    /**
     * With {@code to}: numbers the readable updates of {@code batch} and hands them to it before they are inserted
     * (their rows, added to {@code handed}, by position in the batch; null for the rest).
     */
    private Inbox.Row[] handOver(String transport, Batch batch, Inbox.Direct to, List<Inbox.Row> handed) {
        Inbox.Row[] rows = new Inbox.Row[batch.items().size()];
        if (to == null) return rows;
        for (int i = 0; i < rows.length; i++) {
            Batch.Item item = batch.items().get(i);
            if (item.update() == null) continue;
            rows[i] = new Inbox.Row(++lastId, transport, item.key(), item.update().orderingKey(), null, 0, item.update(),
                    new CommitGate());
            handed.add(rows[i]);
        }
        if (handed.isEmpty()) return rows;
        to.take(handed, false);
        listeners.forEach(Runnable::run);
        return rows;
    }

    private void writeOffset(Connection c, String transport, String offset, long now) throws SQLException {
        try (Database.Prepared statement = db.prepare(c, "INSERT INTO transport_offsets(transport, next_offset, "
                + "updated_at) VALUES(?,?,?) ON CONFLICT(transport) DO UPDATE SET next_offset=excluded.next_offset, "
                + "updated_at=excluded.updated_at")) {
            PreparedStatement p = statement.statement();
            p.setString(1, transport);
            p.setString(2, offset);
            p.setLong(3, now);
            p.executeUpdate();
        }
    }

    /** The offset of {@code transport} waiting for the next done marks, or null. */
    String unwritten(String transport) {
        return unwritten.get(transport);
    }

    /** In a transaction of done marks: writes the offsets waiting for one; returns them for {@link #written}. */
    Map<String, String> writeUnwritten(Connection c) throws SQLException {
        Map<String, String> offsets = Map.copyOf(unwritten);
        long now = System.currentTimeMillis();
        for (Map.Entry<String, String> o : offsets.entrySet()) writeOffset(c, o.getKey(), o.getValue(), now);
        return offsets;
    }

    /** {@code offsets} were committed: forgotten, unless a newer one came meanwhile. */
    void written(Map<String, String> offsets) {
        offsets.forEach(unwritten::remove);
    }
}
