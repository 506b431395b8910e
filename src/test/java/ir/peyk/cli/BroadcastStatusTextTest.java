package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import ir.peyk.broadcast.Job;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `broadcast status` for people: the status words of --json, and times a person reads. */
class BroadcastStatusTextTest {
    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    static final long CREATED = 1_733_340_000_000L; // 2024-12-04T19:20:00Z

    @Test
    void aFinishedJobSaysDoneWithItsLocalTimeAndHowLongItTook() {
        Job j = new Job(7, "x", "cli", CREATED, Job.Status.DONE, "en", 100, 98, 2, 0, CREATED + 1_000, CREATED + 126_000, null);
        String line = BroadcastCommand.Status.line(j, TEHRAN);
        assertEquals("#7 done — sent 98, failed 2, left 0 of 100 · created 2024-12-04 22:50:00 +0330 · took 2 min 5 s", line);
        assertFalse(line.matches(".*\\d{13}.*"), "no epoch milliseconds: " + line);
    }

    @Test
    void aRunningJobSaysRunningAndWhenItStarted() {
        Job j = new Job(8, "x", "cli", CREATED, Job.Status.RUNNING, "en", 10, 3, 0, 0, CREATED + 60_000, null, null);
        assertEquals("#8 running — sent 3, failed 0, left 7 of 10 · created 2024-12-04 22:50:00 +0330 · started "
                + "2024-12-04 22:51:00 +0330", BroadcastCommand.Status.line(j, TEHRAN));
        Job c = new Job(9, "x", "cli", CREATED, Job.Status.CANCELLED, "en", 10, 3, 0, 7, CREATED, CREATED + 3_600_000L * 2, null);
        assertEquals("#9 cancelled — sent 3, failed 0, skipped 7, left 0 of 10 · created 2024-12-04 22:50:00 +0330 · took 2 h 0 min",
                BroadcastCommand.Status.line(c, TEHRAN));
    }

    @Test
    void theJsonViewAddsIsoTimesBesideTheMilliseconds() {
        Job j = new Job(7, "x", "cli", CREATED, Job.Status.PENDING_CONFIRMATION, "en", 0, 0, 0, 0, null, null, null);
        BroadcastCommand.JobView v = BroadcastCommand.JobView.of(j, Map.of());
        assertEquals(CREATED, v.createdAt());
        assertEquals("2024-12-04T19:20:00Z", v.createdTime());
        assertNull(v.startedTime());
        assertEquals("pending_confirmation", v.status());
    }
}
