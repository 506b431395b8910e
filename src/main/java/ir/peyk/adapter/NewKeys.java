package ir.peyk.adapter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Which updates are new for sure: per transport, the largest plain-number key stored (the Bot API's update ids), so a
 * larger one cannot be a duplicate and may be stored where no unique index would catch one ({@link InboxJournal}).
 * Anything else — a smaller or non-numeric key — is for the table to judge. Not thread-safe: used under the store's
 * lock ({@link InboxWriter}).
 */
final class NewKeys {
    private final Map<String, Long> largest = new HashMap<>();

    /** {@code key} as a number when it is a plain decimal one of up to 18 digits, else null. */
    static Long number(String key) {
        if (key == null || key.isEmpty() || key.length() > 18) return null;
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch < '0' || ch > '9') return null;
        }
        return Long.parseLong(key);
    }

    /** Whether {@code key} of {@code transport} is above every key stored, so it cannot be one of them. */
    boolean isNew(Connection c, String transport, String key) throws SQLException {
        Long k = number(key);
        return k != null && k > largest(c, transport);
    }

    /** {@code key} was stored (or found stored). */
    void stored(Connection c, String transport, String key) throws SQLException {
        Long k = number(key);
        if (k != null && k > largest(c, transport)) largest.put(transport, k);
    }

    /**
     * The largest numeric key of {@code transport} stored (-1: none), read from the table the first time: one pass
     * over the transport's keys in the unique index (they are text, so no index gives the numeric maximum), once per
     * process, in SQLite rather than row by row through the driver. The keys counted are those {@link #number} reads.
     */
    private long largest(Connection c, String transport) throws SQLException {
        Long known = largest.get(transport);
        if (known != null) return known;
        long max = -1;
        try (PreparedStatement p = c.prepareStatement("SELECT MAX(CAST(key AS INTEGER)) FROM inbox WHERE transport=? "
                + "AND length(key) BETWEEN 1 AND 18 AND key NOT GLOB '*[^0-9]*'")) {
            p.setString(1, transport);
            try (ResultSet r = p.executeQuery()) {
                if (r.next() && r.getObject(1) != null) max = r.getLong(1);
            }
        }
        largest.put(transport, max);
        return max;
    }
}
