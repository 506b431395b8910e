package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox journal on a real file: what a crash leaves in it is read back, and nothing else. */
class InboxJournalTest {
    @TempDir
    Path dir;

    static InboxJournal.Entry entry(long id, String text) {
        return new InboxJournal.Entry(id, "telegram", Long.toString(100 + id), "telegram:42",
                text == null ? null : "{\"text\":\"" + text + "\"}", 1_700_000_000_000L + id, "dispatch-1",
                1_700_000_030_000L);
    }

    private Path file() {
        return dir.resolve("bot.db-inbox.log");
    }

    @Test
    void recordsAppendedAreReadBackByTheNextProcessInOrderWithEveryField() throws Exception {
        try (InboxJournal j = InboxJournal.open(file())) {
            assertTrue(j.append(entry(1, "سلام، چند نفر؟")));
            assertTrue(j.append(entry(2, null)));
            assertEquals(List.of(entry(1, "سلام، چند نفر؟"), entry(2, null)), j.unabsorbed());
        } // closed without absorbing: as a kill leaves it
        try (InboxJournal j = InboxJournal.open(file())) {
            assertEquals(List.of(entry(1, "سلام، چند نفر؟"), entry(2, null)), j.recover());
            j.clear();
            assertEquals(List.of(), j.recover(), "cleared once in the table");
        }
        try (InboxJournal j = InboxJournal.open(file())) {
            assertEquals(List.of(), j.recover());
        }
    }

    @Test
    void aDamagedRecordEndsTheReadingAndWhatFollowsItIsNotTrusted() throws Exception {
        try (InboxJournal j = InboxJournal.open(file())) {
            j.append(entry(1, "one"));
            j.append(entry(2, "two"));
            j.append(entry(3, "three"));
        }
        byte[] bytes = Files.readAllBytes(file());
        int second = ByteBuffer.wrap(bytes).getInt(0) + 8; // where record 2 starts
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            f.seek(second + 20); // inside record 2's fields: its CRC no longer matches (a torn write)
            f.write(bytes[second + 20] ^ 0x55);
        }
        try (InboxJournal j = InboxJournal.open(file())) {
            assertEquals(List.of(entry(1, "one")), j.recover());
        }
    }

    @Test
    void theRegionIsReusedOnceAllIsAbsorbedAndOldRecordsAfterTheEndMarkAreNotRead() throws Exception {
        try (InboxJournal j = InboxJournal.open(file())) {
            j.append(entry(1, "a long first question, longer than the next one"));
            j.append(entry(2, "second"));
            j.absorbed(List.of(entry(1, "a long first question, longer than the next one")));
            assertEquals(List.of(entry(2, "second")), j.unabsorbed(), "one still out of the table: kept");
            j.absorbed(List.of(entry(2, "second")));
            j.append(entry(3, "short"));
        }
        try (InboxJournal j = InboxJournal.open(file())) {
            assertEquals(List.of(entry(3, "short")), j.recover(), "records 1 and 2 were in the table already");
        }
    }

    @Test
    void readingStopsAtARecordWhoseIdIsNotAboveTheLast() throws Exception {
        try (InboxJournal j = InboxJournal.open(file())) {
            j.append(entry(5, "five"));
            j.append(entry(3, "three: bytes of an earlier round, as far as reading can tell"));
            j.append(entry(6, "six"));
        }
        try (InboxJournal j = InboxJournal.open(file())) {
            assertEquals(List.of(entry(5, "five")), j.recover());
        }
    }

    @Test
    void theLastRecordCanBeTakenBackAndOnlyTheLast() throws Exception {
        try (InboxJournal j = InboxJournal.open(file())) {
            j.append(entry(1, "one"));
            j.append(entry(2, "two"));
            assertThrows(IllegalStateException.class, () -> j.retract(entry(1, "one")));
            j.retract(entry(2, "two"));
            assertEquals(List.of(entry(1, "one")), j.unabsorbed());
        }
        try (InboxJournal j = InboxJournal.open(file())) {
            assertEquals(List.of(entry(1, "one")), j.recover());
        }
    }

    @Test
    void aRecordThatDoesNotFitIsRefusedAndTheJournalGoesOn() throws Exception {
        try (InboxJournal j = InboxJournal.open(file())) {
            assertFalse(j.append(entry(1, "x".repeat(InboxJournal.REGION))));
            assertTrue(j.append(entry(2, "fits")));
            assertEquals(List.of(entry(2, "fits")), j.unabsorbed());
        }
    }

    @Test
    void oneProcessHoldsTheJournal() throws Exception {
        try (InboxJournal first = InboxJournal.open(file())) {
            assertNotNull(first);
            assertNull(InboxJournal.open(file()), "held: the second stores in the table instead");
        }
        try (InboxJournal again = InboxJournal.open(file())) {
            assertNotNull(again, "let go when closed");
        }
    }
}
