package ir.peyk.broadcast;

import ir.peyk.metrics.Metrics;
import ir.peyk.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The sending states of delivery rows: {@code pending → sending → sent | failed | pending (retry later)}, and
 * {@code pending → cancelled} when the job is cancelled.
 *
 * <p><b>Why "sending".</b> A row is marked {@code sending} (with the worker's id) in the transaction that claims it,
 * before its message goes out, and its result is committed afterwards in a batch. A row still {@code sending} after
 * a crash is the only kind whose fate is unknown: when a new worker takes over ({@link WorkerLease}) those rows go
 * back to {@code pending} and are sent again. So nobody is ever lost, and the duplicates a crash can cause are
 * bounded by how many rows one worker may hold in {@code sending} at once — its window (see {@link BroadcastWorker}).
 */
public final class DeliveryQueue {
    private final Database db;

    /** PostgreSQL: every replica's worker claims rows side by side; SQLite: only the lease holder claims. */
    private final boolean parallel;

    DeliveryQueue(Database db) {
        this.db = db;
        this.parallel = db.dialect() == ir.peyk.store.Dialect.POSTGRESQL;
    }

    /**
     * Claims up to {@code limit} pending rows of running jobs that are due and go by one of {@code transports}, oldest
     * job first, and marks them {@code sending} for {@code owner}. On SQLite nothing is claimed unless {@code owner}
     * holds the worker lease; on PostgreSQL every live worker claims ({@code FOR UPDATE SKIP LOCKED}: workers of other
     * replicas skip each other's rows) as long as its own heartbeat row is there (checked in the same transaction).
     */
    public List<Delivery> claim(String owner, Collection<String> transports, int limit, long now) {
        if (limit <= 0 || transports.isEmpty()) return List.of();
        String in = Database.inList(transports.size());
        return db.tx(c -> {
            if (!(parallel ? WorkerLease.alive(c, owner) : WorkerLease.holds(c, owner))) return List.<Delivery>of();
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT d.id, d.job_id, d.transport, d.chat_id, d.is_group, "
                    + "d.is_channel, d.attempts FROM broadcast_deliveries d JOIN broadcast_jobs j ON j.id=d.job_id "
                    + "WHERE d.status='pending' AND j.status='running' AND d.next_at<=? AND d.transport IN " + in
                    + " ORDER BY d.job_id, d.id LIMIT ?" + (parallel ? " FOR UPDATE OF d SKIP LOCKED" : ""))) {
                int i = 1;
                p.setLong(i++, now);
                for (String t : transports) p.setString(i++, t);
                p.setInt(i, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Delivery(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                                r.getInt(5) == 1, r.getInt(6) == 1, r.getInt(7)));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE broadcast_deliveries SET status='sending', owner=?, updated_at=? WHERE id=?")) {
                for (Delivery d : out) {
                    p.setString(1, owner);
                    p.setLong(2, now);
                    p.setLong(3, d.id());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return out;
        });
    }

    /**
     * Records results in one transaction and updates the jobs' counts with them. A row no longer {@code sending} for
     * {@code owner} (another worker took over after this one stalled) is left alone.
     */
    public void record(String owner, List<DeliveryResult> results, long now) {
        if (results.isEmpty()) return;
        db.tx(c -> {
            Map<Long, int[]> counts = new HashMap<>(); // job → {sent, failed, skipped}
            try (PreparedStatement p = c.prepareStatement("UPDATE broadcast_deliveries SET status=?, "
                    + "attempts=attempts+?, error=?, next_at=?, owner=NULL, updated_at=? "
                    + "WHERE id=? AND status='sending' AND owner=?")) {
                for (DeliveryResult res : results) {
                    String status = switch (res.kind()) {
                        case SENT -> "sent";
                        case FAILED -> "failed";
                        case RETRY, RELEASED -> "pending";
                        case SKIPPED -> "cancelled";
                    };
                    boolean attempted = res.kind() != DeliveryResult.Kind.SKIPPED
                            && res.kind() != DeliveryResult.Kind.RELEASED;
                    String result = switch (res.kind()) {   // a released row was not tried: not a result
                        case SENT -> "sent";
                        case FAILED -> "failed";
                        case RETRY -> "retry";
                        case SKIPPED -> "skipped";
                        case RELEASED -> null;
                    };
                    if (result != null) Metrics.broadcast(res.delivery().transport(), result);
                    p.setString(1, status);
                    p.setInt(2, attempted ? 1 : 0);
                    BroadcastStore.setNullable(p, 3, res.error());
                    p.setLong(4, res.nextAt());
                    p.setLong(5, now);
                    p.setLong(6, res.delivery().id());
                    p.setString(7, owner);
                    if (p.executeUpdate() == 1 && res.kind() != DeliveryResult.Kind.RETRY
                            && res.kind() != DeliveryResult.Kind.RELEASED) {
                        int[] n = counts.computeIfAbsent(res.delivery().jobId(), k -> new int[3]);
                        n[res.kind() == DeliveryResult.Kind.SENT ? 0 : res.kind() == DeliveryResult.Kind.FAILED ? 1 : 2]++;
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE broadcast_jobs SET sent=sent+?, failed=failed+?, skipped=skipped+? WHERE id=?")) {
                for (Map.Entry<Long, int[]> e : counts.entrySet()) {
                    p.setInt(1, e.getValue()[0]);
                    p.setInt(2, e.getValue()[1]);
                    p.setInt(3, e.getValue()[2]);
                    p.setLong(4, e.getKey());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    /** Marks running jobs whose rows are all final as done; returns their ids. */
    public List<Long> completeFinished(long now) {
        return db.tx(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT j.id FROM broadcast_jobs j WHERE j.status='running' "
                    + "AND NOT EXISTS (SELECT 1 FROM broadcast_deliveries d WHERE d.status IN ('pending','sending') "
                    + "AND d.job_id=j.id)");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) ids.add(r.getLong(1));
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE broadcast_jobs SET status='done', finished_at=? WHERE id=? AND status='running'")) {
                for (long id : ids) {
                    p.setLong(1, now);
                    p.setLong(2, id);
                    p.addBatch();
                }
                p.executeBatch();
            }
            return ids;
        });
    }

    /** When the earliest pending row of a running job becomes due (retries wait), if there is one. */
    public OptionalLong nextDue(Collection<String> transports) {
        if (transports.isEmpty()) return OptionalLong.empty();
        String in = Database.inList(transports.size());
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT MIN(d.next_at) FROM broadcast_deliveries d "
                    + "JOIN broadcast_jobs j ON j.id=d.job_id WHERE d.status='pending' AND j.status='running' "
                    + "AND d.transport IN " + in)) {
                int i = 1;
                for (String t : transports) p.setString(i++, t);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) return OptionalLong.empty();
                    long v = r.getLong(1);
                    return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
                }
            }
        });
    }

    /** Counts rows of a job by status (for tests and the status command's detail). */
    public Map<String, Integer> countByStatus(long jobId) {
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT status, COUNT(*) FROM broadcast_deliveries WHERE job_id=? GROUP BY status")) {
                p.setLong(1, jobId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.put(r.getString(1), r.getInt(2));
                }
            }
            return out;
        });
    }

    /** Rows not final yet (pending or sending) across every job: the broadcast work /health reports. */
    public long unfinished() {
        return db.count("SELECT COUNT(*) FROM broadcast_deliveries WHERE status IN ('pending','sending')");
    }

    /** Rows of a job not final yet (pending or sending), by transport. */
    public Map<String, Integer> unfinishedByTransport(long jobId) {
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT transport, COUNT(*) FROM broadcast_deliveries "
                    + "WHERE job_id=? AND status IN ('pending','sending') GROUP BY transport")) {
                p.setLong(1, jobId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.put(r.getString(1), r.getInt(2));
                }
            }
            return out;
        });
    }

    /**
     * After a worker died: its {@code sending} rows go back to {@code pending} (they may or may not have been sent —
     * sending again is the price of never losing anyone). Rows of jobs cancelled meanwhile become skipped.
     * Runs inside the lease takeover transaction. With {@code aliveSince} null every {@code sending} row is an
     * orphan (one worker at a time); otherwise only those of workers whose own heartbeat row is older than it (workers
     * sending side by side, see {@link WorkerLease#beatWorker}).
     */
    static int requeueOrphans(Connection c, long now, Long aliveSince) throws SQLException {
        String dead = aliveSince == null ? "" : " AND NOT EXISTS (SELECT 1 FROM broadcast_lease l WHERE l.name = "
                + "'" + WorkerLease.WORKER_PREFIX + "' || broadcast_deliveries.owner AND l.heartbeat >= ?)";
        int requeued;
        try (PreparedStatement p = c.prepareStatement("UPDATE broadcast_deliveries SET status='pending', owner=NULL, "
                + "updated_at=? WHERE status='sending' AND job_id IN (SELECT id FROM broadcast_jobs WHERE status='running')"
                + dead)) {
            p.setLong(1, now);
            if (aliveSince != null) p.setLong(2, aliveSince);
            requeued = p.executeUpdate();
        }
        Map<Long, Integer> skipped = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT job_id, COUNT(*) FROM broadcast_deliveries WHERE status='sending'" + dead + " GROUP BY job_id")) {
            if (aliveSince != null) p.setLong(1, aliveSince);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) skipped.put(r.getLong(1), r.getInt(2));
            }
        }
        for (Map.Entry<Long, Integer> e : skipped.entrySet()) {
            try (PreparedStatement p = c.prepareStatement("UPDATE broadcast_deliveries SET status='cancelled', "
                    + "owner=NULL, updated_at=? WHERE status='sending' AND job_id=?" + dead)) {
                p.setLong(1, now);
                p.setLong(2, e.getKey());
                if (aliveSince != null) p.setLong(3, aliveSince);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE broadcast_jobs SET skipped=skipped+? WHERE id=?")) {
                p.setInt(1, e.getValue());
                p.setLong(2, e.getKey());
                p.executeUpdate();
            }
        }
        return requeued;
    }
}
