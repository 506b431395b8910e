package ir.peyk.broadcast;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One broadcast, as stored. Counts are kept in the job row in the same transactions that change delivery rows, so
 * reading progress costs one row, not a count over a hundred thousand.
 *
 * @param createdBy  "transport:userId" of the admin, or "cli" for the command line
 * @param lang       the language of the admin's progress messages ("fa" or "en")
 * @param total      delivery rows (0 until confirmed)
 * @param skipped    rows not sent because the job was cancelled
 * @param admin      where progress and the summary go (the admin's preview message), or null
 */
public record Job(long id, String text, String createdBy, long createdAt, Status status, String lang, int total,
                  int sent, int failed, int skipped, Long startedAt, Long finishedAt, Notify admin) {

    /** The job's life: a draft waits for the admin's confirmation, then runs until every row is final. */
    public enum Status {
        PENDING_CONFIRMATION, RUNNING, DONE, CANCELLED;

        public String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String db) {
            return valueOf(db.toUpperCase(java.util.Locale.ROOT));
        }

        public boolean finished() {
            return this == DONE || this == CANCELLED;
        }
    }

    /** The admin's chat and the message that shows progress (messageId null where the platform gives none). */
    public record Notify(String transport, String chatId, String messageId) {}

    /** Rows neither sent, failed nor skipped yet. */
    @JsonProperty("left")
    public int left() {
        return Math.max(0, total - sent - failed - skipped);
    }

    @JsonIgnore
    public boolean finished() {
        return status.finished();
    }
}
