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
            requeued[0] = DeliveryQueue.requeueOrphans(c, now);
            return true;
        });
    }

    /** Lets the next worker take over at once (after a clean stop, nothing of ours is in flight). */
    void release() {
        db.update("DELETE FROM broadcast_lease WHERE name=? AND owner=?", NAME, owner);
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
