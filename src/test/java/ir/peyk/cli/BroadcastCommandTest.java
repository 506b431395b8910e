package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peyk broadcast send|status|cancel}, run as the operator runs them. */
class BroadcastCommandTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String TOKEN = "123:cli-test";

    @TempDir
    Path dir;

    FakeBotApi api;
    Path config;
    Path db;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        api = FakeBotApi.start(TOKEN);
        config = dir.resolve("peyk.yaml");
        db = dir.resolve("peyk.db");
        Files.writeString(config, """
                transports:
                  console:
                    enabled: false
                  telegram:
                    enabled: true
                    apiUrl: %s
                    channels: ["@peyk_channel"]
                throttle:
                  overallPerSecond: 0
                  perChatPerSecond: 0
                  perGroupPerMinute: 0
                """.formatted(api.url()));
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    private void subscribe(int n) {
        try (Database d = Database.open(db)) {
            Subscribers s = new Subscribers(d);
            for (int i = 1; i <= n; i++) s.subscribe("telegram", Integer.toString(i), false);
        }
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString(), "--db", db.toString()));
        all.addAll(List.of(args));
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            return Main.execute(all.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void emptyTextAndNobodyToSendToAreUsageErrors() throws Exception {
        subscribe(0);
        // The channel target alone is a recipient; without it there is nobody.
        assertEquals(0, run("broadcast", "send", "--text", "hello"), err);
        Files.writeString(config, Files.readString(config).replace("[\"@peyk_channel\"]", "[]"));
        assertEquals(2, run("broadcast", "send", "--text", "hello"));
        assertTrue(err.contains("nobody to send to"), err);
        assertEquals(2, run("broadcast", "send", "--text", "   "));
        assertTrue(err.contains("empty"), err);
        assertEquals(2, run("broadcast", "send", "--file", dir.resolve("missing.txt").toString()));
        assertTrue(err.contains("no such file"), err);
        assertEquals(2, run("broadcast", "send"));
    }

    @Test
    void sendStatusAndCancel() throws Exception {
        subscribe(5);
        Path file = dir.resolve("msg.txt");
        Files.writeString(file, "خبر تازه\nخط دوم");
        assertEquals(0, run("broadcast", "send", "--file", file.toString()), err);
        String id = out.strip();
        assertEquals("1", id);
        assertTrue(err.contains("6 recipients"), err);

        assertEquals(0, run("broadcast", "status", id, "--json"), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("running", j.path("status").asText());
        assertEquals("خبر تازه\nخط دوم", j.path("text").asText());
        assertEquals(6, j.path("total").asInt());
        assertEquals(6, j.path("left").asInt());
        assertEquals("cli", j.path("createdBy").asText());

        assertEquals(0, run("broadcast", "cancel", id), err);
        assertTrue(out.contains("cancelled: 0 sent, 6 will not be sent"), out);
        assertEquals(0, run("broadcast", "status", "--json"), err);
        JsonNode list = new ObjectMapper().readTree(out);
        assertEquals(1, list.size());
        assertEquals("cancelled", list.get(0).path("status").asText());
        assertEquals(6, list.get(0).path("skipped").asInt());
        assertEquals(0, run("broadcast", "status"));
        assertTrue(out.startsWith("#1 cancelled"), out);

        assertEquals(2, run("broadcast", "status", "42"));
        assertTrue(err.contains("there is no broadcast 42"), err);
        assertEquals(2, run("broadcast", "cancel", "x"));
        assertTrue(err.contains("not a broadcast id"), err);
        assertTrue(api.calls().isEmpty(), "without --wait the command line sends nothing itself");
    }

    @Test
    void sendWaitDeliversFromTheCommandLineProcess() throws Exception {
        subscribe(40);
        ProcessBuilder p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", config.toString(), "--db", db.toString(),
                "broadcast", "send", "--text", "from the CLI", "--wait")
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        p.environment().put("PEYK_TELEGRAM_TOKEN", TOKEN);
        p.environment().remove("PEYK_TRANSPORT");
        Process child = p.start();
        try {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the command ends when the job is done");
        } finally {
            child.destroyForcibly();
        }
        String stderr = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, child.exitValue(), stderr);
        assertEquals("1", Files.readString(dir.resolve("out.txt")).strip());
        assertTrue(stderr.contains("finished") && stderr.contains("Sent 41"), stderr);
        for (int i = 1; i <= 40; i++) assertEquals(List.of("from the CLI"), api.sentTexts(i), "chat " + i);
        assertEquals(1, api.calls("sendMessage").stream()
                .filter(c -> "@peyk_channel".equals(c.param("chat_id"))).count());
        assertTrue(api.calls("getMe").size() >= 1, "the token is checked first");
    }
}
