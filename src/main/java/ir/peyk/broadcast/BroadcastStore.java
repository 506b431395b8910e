package ir.peyk.broadcast;

import ir.peyk.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Broadcast jobs and their delivery rows (tables {@code broadcast_jobs}, {@code broadcast_deliveries},
 * {@code broadcast_lease}; created by the migration scripts). This class owns the job life cycle; {@link DeliveryQueue}
 * owns the rows' sending states. A job is created as a draft (the admin's preview), and confirming it inserts one delivery row per
 * recipient in the same transaction that makes it {@code running} — so a running job always has all its rows, and a
 * crash can never leave a half-filled job.
 */
public final class BroadcastStore {
    private static final String JOB_COLUMNS = "id, text, created_by, created_at, status, lang, total, sent, failed, "
            + "skipped, started_at, finished_at, notify_transport, notify_chat, notify_message";

    private final Database db;
    private final DeliveryQueue queue;

    public BroadcastStore(Database db) {
        this.db = db;
        this.queue = new DeliveryQueue(db);
    }

    public Database db() {
        return db;
    }

    public DeliveryQueue queue() {
        return queue;
    }

    /** Stores a draft (the admin's preview): no delivery rows until it is confirmed. */
    public Job draft(String text, String createdBy, String lang) {
        long id = db.tx(c -> insertJob(c, text, createdBy, lang, Job.Status.PENDING_CONFIRMATION));
        return job(id).orElseThrow();
    }

    /**
     * Confirms a draft: inserts one row per recipient (read inside the transaction, so a subscriber who joins a
     * moment later is either in or out, never half) and makes the job running. Empty when the job is not a draft
     * any more (confirmed twice, or cancelled) — the caller reports its current state.
     */
    public Optional<Job> start(long id, Supplier<List<Recipient>> recipients) {
        boolean started = db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT status FROM broadcast_jobs WHERE id=?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next() || !r.getString(1).equals(Job.Status.PENDING_CONFIRMATION.db())) return false;
                }
            }
            run(c, id, recipients.get());
            return true;
        });
        return started ? job(id) : Optional.empty();
    }

    /** Creates a job that is confirmed already (the command line), with its rows, in one transaction. */
    public Job create(String text, String createdBy, String lang, Supplier<List<Recipient>> recipients) {
        long id = db.tx(c -> {
            long jobId = insertJob(c, text, createdBy, lang, Job.Status.PENDING_CONFIRMATION);
            run(c, jobId, recipients.get());
            return jobId;
        });
        return job(id).orElseThrow();
    }

    /** Where the job's progress is shown (the preview message, edited as the job runs). */
    public void setNotify(long id, Job.Notify notify) {
        db.update("UPDATE broadcast_jobs SET notify_transport=?, notify_chat=?, notify_message=? WHERE id=?",
                notify.transport(), notify.chatId(), notify.messageId(), id);
    }

    /**
     * Cancels a draft or a running job: its pending rows become skipped at once (rows being sent right now finish and
     * are recorded as they end). Empty when there is no such job; a finished job is returned unchanged.
     */
    public Optional<Job> cancel(long id) {
        db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE broadcast_jobs SET status='cancelled', finished_at=? "
                    + "WHERE id=? AND status IN ('pending_confirmation','running')")) {
                p.setLong(1, System.currentTimeMillis());
                p.setLong(2, id);
                if (p.executeUpdate() == 0) return null;
            }
            int skipped;
            try (PreparedStatement p = c.prepareStatement("UPDATE broadcast_deliveries SET status='cancelled', "
                    + "updated_at=? WHERE job_id=? AND status='pending'")) {
                p.setLong(1, System.currentTimeMillis());
                p.setLong(2, id);
                skipped = p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE broadcast_jobs SET skipped=skipped+? WHERE id=?")) {
                p.setInt(1, skipped);
                p.setLong(2, id);
                p.executeUpdate();
            }
            return null;
        });
        return job(id);
    }

    public Optional<Job> job(long id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM broadcast_jobs WHERE id=?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(job(r)) : Optional.empty();
                }
            }
        });
    }

    /** The newest jobs first, drafts included. */
    public List<Job> recent(int limit) {
        return jobs("SELECT " + JOB_COLUMNS + " FROM broadcast_jobs ORDER BY id DESC LIMIT " + Math.max(1, limit));
    }

    /** Running jobs in the order they are sent (oldest first). */
    public List<Job> running() {
        return jobs("SELECT " + JOB_COLUMNS + " FROM broadcast_jobs WHERE status='running' ORDER BY id");
    }

    /** Jobs whose admin message needs attention: running ones, and finished ones whose summary is not sent. */
    public List<Job> toReport() {
        return jobs("SELECT " + JOB_COLUMNS + " FROM broadcast_jobs WHERE notify_chat IS NOT NULL AND "
                + "(status='running' OR (status IN ('done','cancelled') AND summary_sent=0)) ORDER BY id");
    }

    /**
     * Takes the right to send a finished job's summary; true exactly once per job, so two processes never both send
     * it. (A crash right after taking it loses the summary, never the broadcast.)
     */
    public boolean takeSummary(long id) {
        return db.update("UPDATE broadcast_jobs SET summary_sent=1 "
                + "WHERE id=? AND summary_sent=0 AND status IN ('done','cancelled')", id) == 1;
    }

    /** Why rows of a job failed: reason → count, most frequent first. */
    public Map<String, Integer> failures(long id, int limit) {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(error, '?'), COUNT(*) AS n FROM "
                    + "broadcast_deliveries WHERE job_id=? AND status='failed' GROUP BY 1 ORDER BY n DESC LIMIT ?")) {
                p.setLong(1, id);
                p.setInt(2, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.put(r.getString(1), r.getInt(2));
                }
            }
            return out;
        });
    }

    private List<Job> jobs(String sql) {
        return db.read(c -> {
            List<Job> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                while (r.next()) out.add(job(r));
            }
            return out;
        });
    }

    private static long insertJob(Connection c, String text, String createdBy, String lang, Job.Status status)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO broadcast_jobs(text, created_by, created_at, "
                + "status, lang) VALUES(?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, text);
            p.setString(2, createdBy);
            p.setLong(3, System.currentTimeMillis());
            p.setString(4, status.db());
            p.setString(5, lang);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    /** Inserts the rows (a recipient listed twice gets one row) and makes the job running. */
    private static void run(Connection c, long id, List<Recipient> recipients) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO broadcast_deliveries(job_id, transport, "
                + "chat_id, is_group, is_channel, status, updated_at) VALUES(?,?,?,?,?,'pending',?) ON CONFLICT DO NOTHING")) {
            int n = 0;
            for (Recipient r : recipients) {
                p.setLong(1, id);
                p.setString(2, r.transport());
                p.setString(3, r.chatId());
                p.setInt(4, r.group() ? 1 : 0);
                p.setInt(5, r.channel() ? 1 : 0);
                p.setLong(6, now);
                p.addBatch();
                if (++n % 1000 == 0) p.executeBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE broadcast_jobs SET status='running', started_at=?, "
                + "total=(SELECT COUNT(*) FROM broadcast_deliveries WHERE job_id=?) WHERE id=?")) {
            p.setLong(1, now);
            p.setLong(2, id);
            p.setLong(3, id);
            p.executeUpdate();
        }
    }

    private static Job job(ResultSet r) throws SQLException {
        String nt = r.getString(13);
        Job.Notify notify = nt == null ? null : new Job.Notify(nt, r.getString(14), r.getString(15));
        return new Job(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), Job.Status.of(r.getString(5)),
                r.getString(6), r.getInt(7), r.getInt(8), r.getInt(9), r.getInt(10), nullableLong(r, 11),
                nullableLong(r, 12), notify);
    }

    private static Long nullableLong(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    static void setNullable(PreparedStatement p, int i, String v) throws SQLException {
        if (v == null) p.setNull(i, Types.VARCHAR);
        else p.setString(i, v);
    }
}
