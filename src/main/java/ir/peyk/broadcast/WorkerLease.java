package ir.peyk.broadcast;

import ir.peyk.store.Database;
import ir.peyk.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One worker sends at a time, even when the bot and a {@code peyk broadcast send --wait} share the store: the worker
 * that holds this lease (one row in {@code broadcast_lease}) renews it every heartbeat; another may take it over only
 * after it went unrenewed for {@code timeout} (its holder died or hung), or at once after a clean release. Taking it
 * over puts the old holder's {@code sending} rows back to pending — in the same transaction, so they are never sent by
 * two live workers.
 */
final class WorkerLease {
    private static final String NAME = "broadcast-worker";
    /** Prefix of each worker's own heartbeat row when workers send side by side (PostgreSQL). */
    static final String WORKER_PREFIX = "worker:";

    private final Database db;
    private final String owner;
    private final long timeoutMillis;

    WorkerLease(Database db, String owner, Duration timeout) {
        this.db = db;
        this.owner = owner;
        this.timeoutMillis = timeout.toMillis();
    }

    String owner() {
        return owner;
    }

    /**
     * Renews the lease when held, takes it when free or expired. Returns whether this worker holds it now, and how
     * many orphaned rows a takeover requeued through {@code requeued[0]}.
     */
    boolean acquireOrRenew(int[] requeued) {
        long now = System.currentTimeMillis();
        return db.tx(c -> {
            String holder = null;
            long beat = 0;
            // PostgreSQL: lock the row, so two replicas finding it expired at once take it over one after the other
            // (the second then sees the first's fresh heartbeat). SQLite's one writer serialises this by itself.
            try (PreparedStatement p = c.prepareStatement("SELECT owner, heartbeat FROM broadcast_lease WHERE name=?"
                    + (db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : ""))) {
                p.setString(1, NAME);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        holder = r.getString(1);
                        beat = r.getLong(2);
                    }
                }
            }
            if (owner.equals(holder)) {
                write(c, now);
                return true;
            }
            if (holder != null && now - beat < timeoutMillis) return false;
            write(c, now);
            requeued[0] = DeliveryQueue.requeueOrphans(c, now, parallel() ? now - timeoutMillis : null);
            return true;
        });
    }

    /** Lets the next worker take over at once (after a clean stop, nothing of ours is in flight). */
    void release() {
        db.update("DELETE FROM broadcast_lease WHERE name=? AND owner=?", NAME, owner);
        if (parallel()) db.update("DELETE FROM broadcast_lease WHERE name=?", WORKER_PREFIX + owner);
    }

    /**
     * Whether workers send side by side: on PostgreSQL every replica's worker claims rows and the lease only elects
     * the one that requeues dead workers' rows, completes jobs and edits progress messages; on SQLite the lease holder
     * is the only sender.
     */
    boolean parallel() {
        return db.dialect() == Dialect.POSTGRESQL;
    }

    /** Renews this worker's own heartbeat row (parallel mode): while it is fresh, its claimed rows stay its own. */
    void beatWorker() {
        db.update("INSERT INTO broadcast_lease(name, owner, heartbeat) VALUES(?,?,?) ON CONFLICT(name) DO UPDATE "
                + "SET heartbeat=excluded.heartbeat", WORKER_PREFIX + owner, owner, System.currentTimeMillis());
    }

    /** The lease holder's round (parallel mode): rows of workers gone silent go back to pending; returns how many. */
    int requeueDead() {
        long now = System.currentTimeMillis();
        return db.tx(c -> {
            int n = DeliveryQueue.requeueOrphans(c, now, now - timeoutMillis);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM broadcast_lease WHERE name LIKE ? AND heartbeat < ?")) {
                p.setString(1, WORKER_PREFIX + "%");
                p.setLong(2, now - timeoutMillis);
                p.executeUpdate();
            }
            return n;
        });
    }

    /** Whether {@code owner}'s own heartbeat row is there (parallel mode); used inside the claim transaction. */
    static boolean alive(Connection c, String owner) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM broadcast_lease WHERE name=?")) {
            p.setString(1, WORKER_PREFIX + owner);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Whether {@code owner} holds the lease; used inside the claim transaction. */
    static boolean holds(Connection c, String owner) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM broadcast_lease WHERE name=? AND owner=?")) {
            p.setString(1, NAME);
            p.setString(2, owner);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private void write(Connection c, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO broadcast_lease(name, owner, heartbeat) VALUES(?,?,?) "
                + "ON CONFLICT(name) DO UPDATE SET owner=excluded.owner, heartbeat=excluded.heartbeat")) {
            p.setString(1, NAME);
            p.setString(2, owner);
            p.setLong(3, now);
            p.executeUpdate();
        }
    }
}
