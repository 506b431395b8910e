package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs as an operator sets them: ISO timestamps, one INFO line per started transport, JSON lines, a log file. */
class LoggingTest {
    @TempDir
    Path dir;

    @Test
    void aSuccessfulStartSaysSoOncePerTransportWithAnIsoTimestamp() throws Exception {
        PeykProcess.Result r = PeykProcess.run(dir, Map.of("PEYK_DB", dir.resolve("peyk.db").toString()), "/help\n");
        assertEquals(0, r.exit(), r.err());
        List<String> started = r.err().lines().filter(l -> l.contains("console: started")).toList();
        assertEquals(1, started.size(), r.err());
        String stamp = started.get(0).substring(0, started.get(0).indexOf(' '));
        OffsetDateTime.parse(stamp); // ISO-8601 with date and offset, or it throws
        assertTrue(started.get(0).contains(" INFO "), started.get(0));
    }

    @Test
    void jsonLinesGoToTheLogFile() throws Exception {
        Path log = dir.resolve("logs").resolve("peyk.log");
        PeykProcess.Result r = PeykProcess.run(dir, Map.of("PEYK_DB", dir.resolve("peyk.db").toString(),
                "PEYK_LOG_FORMAT", "json", "PEYK_LOG_FILE", log.toString(), "PEYK_LOG_LEVEL", "INFO"), "/help\n");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("started as"), "the file replaces stderr: " + r.err());
        List<String> lines = Files.readAllLines(log);
        assertFalse(lines.isEmpty());
        ObjectMapper json = new ObjectMapper();
        boolean sawStart = false;
        for (String line : lines) {
            JsonNode n = json.readTree(line); // every line is one JSON object
            assertTrue(n.has("time") && n.has("level") && n.has("logger") && n.has("message"), line);
            java.time.Instant.parse(n.get("time").asText());
            sawStart |= n.get("message").asText().startsWith("console: started as");
        }
        assertTrue(sawStart, lines.toString());
    }

    @Test
    void anUnwritableLogFileIsOneLineAndExitTwo() throws Exception {
        Path plainFile = Files.writeString(dir.resolve("not-a-folder"), "x");
        PeykProcess.Result r = PeykProcess.run(dir, Map.of("PEYK_LOG_FILE", plainFile.resolve("peyk.log").toString()),
                "", "articles");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("peyk: cannot write the log file " + plainFile.resolve("peyk.log")), r.err());
        assertTrue(r.err().contains("PEYK_LOG_FILE"), r.err());
        assertEquals(List.of(plainFile), Files.list(dir).toList(), "nothing else made");
    }

    @Test
    void badLogSettingsAreNamed() throws Exception {
        PeykProcess.Result format = PeykProcess.run(dir, Map.of("PEYK_LOG_FORMAT", "xml"), "", "articles");
        assertEquals(2, format.exit());
        assertEquals("peyk: PEYK_LOG_FORMAT must be text or json, not 'xml'", format.err().strip());
        PeykProcess.Result level = PeykProcess.run(dir, Map.of("PEYK_LOG_LEVEL", "LOUD"), "", "articles");
        assertEquals(2, level.exit());
        assertTrue(level.err().startsWith("peyk: PEYK_LOG_LEVEL must be one of"), level.err());
    }
}
