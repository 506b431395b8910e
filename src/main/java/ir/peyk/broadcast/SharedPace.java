package ir.peyk.broadcast;

import ir.peyk.store.Database;
import ir.peyk.store.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * One send schedule per transport, kept in the store, that every broadcast sender of every replica draws its slots
 * from: {@link #await} reserves the next free slot (at least one interval after the last one given out, never
 * earlier than now) and sleeps until it. So N replicas together send at the platform's rate, not N times it, and a
 * worker that takes over from a dead one continues the schedule rather than starting with a burst. A slot is
 * reserved only when its message is about to go, and a sender that wakes up more than {@link #LATE_MICROS} after its
 * slot (a stalled thread, a loaded machine) takes a new one rather than send late in a bunch with the next ones: any
 * one-second window then holds at most the rate plus what fits in that lateness (2 at 200/s). The rate can dip; it
 * is not exceeded.
 */
final class SharedPace {
    static final long LATE_MICROS = 10_000;

    private final Database db;
    private final double perSecond;
    private final String sql;

    /** @param perSecond the platform's rate for broadcasts (the config's {@code throttle.overallPerSecond}) */
    SharedPace(Database db, double perSecond) {
        this.db = db;
        this.perSecond = perSecond;
        String max = db.dialect() == Dialect.POSTGRESQL ? "GREATEST" : "MAX";
        this.sql = "UPDATE send_pace SET next_at = " + max + "(next_at, ?) + ? WHERE name=? RETURNING next_at";
    }

    /** Blocks until this sender may send one message through {@code transport}. */
    void await(String transport) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            long slot = reserve(transport);
            long waitMicros = slot - System.currentTimeMillis() * 1000;
            if (waitMicros > 0) Thread.sleep(waitMicros / 1000, (int) (waitMicros % 1000) * 1000);
            // A machine so loaded that every wake-up is late must still send: after ten slots, go anyway.
            if (System.currentTimeMillis() * 1000 - slot <= LATE_MICROS || attempt == 10) return;
        }
    }

    private long reserve(String transport) {
        long interval = Math.max(1, Math.round(1_000_000 / perSecond));
        long now = System.currentTimeMillis() * 1000;
        long slot = db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO send_pace(name, next_at) VALUES(?, 0) ON CONFLICT DO NOTHING")) {
                p.setString(1, transport);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, now);
                p.setLong(2, interval);
                p.setString(3, transport);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getLong(1) - interval;
                }
            }
        });
        return slot;
    }
}
