package ir.peyk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeykConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path cfg = dir.resolve("config");
        Files.createDirectories(cfg);
        Path f = cfg.resolve("peyk.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void shippedConfigLoadsWithConsoleOnly() throws Exception {
        PeykConfig c = PeykConfig.load(Path.of("config/peyk.yaml"), Map.of());
        assertEquals(List.of("console"), c.enabledTransports().stream().map(TransportConfig::name).toList());
        assertTrue(c.store().endsWith(Path.of("data/peyk.db")));
        assertTrue(Files.exists(c.article()), "the default article ships with the project: " + c.article());
        assertEquals("https://tapi.bale.ai", c.transport("bale").apiUrl());
        assertEquals(30, c.throttle().overallPerSecond());
    }

    @Test
    void pathsResolveAgainstTheProjectFolder() throws Exception {
        PeykConfig c = PeykConfig.load(write("store: x/y.db\n"), Map.of());
        assertEquals(dir.resolve("x/y.db"), c.store());
    }

    @Test
    void aPostgresqlUrlSelectsPostgresqlWithThePasswordFromTheEnvironmentOnly() throws Exception {
        PeykConfig c = PeykConfig.load(write("store: postgresql://db.internal/peyk?user=bot&sslmode=require\n"),
                Map.of("PEYK_DB_PASSWORD", "pw-from-env"));
        assertNull(c.store(), "no SQLite file");
        StoreLocation.Postgres pg = (StoreLocation.Postgres) c.storeLocation();
        assertEquals("jdbc:postgresql://db.internal:5432/peyk?user=bot&sslmode=require", pg.jdbcUrl());
        assertEquals("postgresql://db.internal:5432/peyk", pg.display());
        assertEquals("pw-from-env", pg.password());
        assertFalse(pg.toString().contains("pw-from-env"));
        PeykConfig env = PeykConfig.load(write("store: data/peyk.db\n"), Map.of("PEYK_DB", "postgres://bot@h:6432/p"));
        assertEquals("jdbc:postgresql://h:6432/p?user=bot", ((StoreLocation.Postgres) env.storeLocation()).jdbcUrl());
        ConfigException inFile = assertThrows(ConfigException.class,
                () -> PeykConfig.load(write("store: postgresql://bot:hunter2@h/p\n"), Map.of()));
        assertTrue(inFile.getMessage().startsWith("store: the store URL contains a password"), inFile.getMessage());
        assertFalse(inFile.getMessage().contains("hunter2"));
        assertEquals(new StoreLocation.Sqlite(dir.resolve("x/y.db")),
                PeykConfig.load(write("store: x/y.db\n"), Map.of()).storeLocation());
    }

    @Test
    void environmentOverridesTheFile() throws Exception {
        Path f = write("transports:\n  telegram:\n    enabled: false\n");
        PeykConfig c = PeykConfig.load(f, Map.of(
                "PEYK_DB", "/tmp/other.db",
                "PEYK_TRANSPORT", "bale, Rubika",
                "PEYK_BALE_TOKEN", "123:abc",
                "PEYK_BALE_API_URL", "http://127.0.0.1:9000/",
                "PEYK_ADMINS", "bale:42,telegram:7"));
        assertEquals(Path.of("/tmp/other.db"), c.store());
        assertEquals(List.of("bale", "rubika"), c.enabledTransports().stream().map(TransportConfig::name).toList());
        TransportConfig bale = c.transport("bale");
        assertEquals("123:abc", bale.token());
        assertEquals("http://127.0.0.1:9000", bale.apiUrl());
        assertFalse(bale.toString().contains("abc"), "toString must not show the token");
        assertTrue(c.isAdmin("bale", "42"));
        assertFalse(c.isAdmin("telegram", "42"));
        assertNull(c.transport("rubika").token());
    }

    @Test
    void aTransportWithoutAnApiUrlUsesItsPlatformsOwn() {
        TransportConfig built = new TransportConfig("gap", true, "t", null, "webhook", List.of(), Map.of());
        assertEquals("https://api.gap.im", TransportOptions.apiUrl(built, "gap"));
        TransportConfig blank = new TransportConfig("rubika", true, "t", " ", "polling", List.of(), Map.of());
        assertEquals(PeykConfig.DEFAULT_API_URLS.get("rubika"), TransportOptions.apiUrl(blank, "rubika"));
        TransportConfig local = new TransportConfig("eitaa", true, "t", "http://127.0.0.1:9/api/", "polling", List.of(),
                Map.of());
        assertEquals("http://127.0.0.1:9/api", TransportOptions.apiUrl(local, "eitaa"), "one trailing slash dropped");
    }

    @Test
    void tokensInTheFileAreRefused() throws Exception {
        Path f = write("transports:\n  bale:\n    token: secret\n");
        ConfigException e = assertThrows(ConfigException.class, () -> PeykConfig.load(f, Map.of()));
        assertTrue(e.getMessage().contains("PEYK_BALE_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void typosAndUnknownNamesSayWhatIsAllowed() throws Exception {
        assertTrue(assertThrows(ConfigException.class, () -> PeykConfig.load(write("stroe: a.db\n"), Map.of()))
                .getMessage().contains("stroe"));
        assertTrue(assertThrows(ConfigException.class,
                () -> PeykConfig.load(write("transports:\n  whatsapp: {}\n"), Map.of())).getMessage().contains("whatsapp"));
        assertTrue(assertThrows(ConfigException.class,
                () -> PeykConfig.load(write(""), Map.of("PEYK_TRANSPORT", "icq"))).getMessage().contains("icq"));
        assertTrue(assertThrows(ConfigException.class,
                () -> PeykConfig.load(write("admins: [\"42\"]\n"), Map.of())).getMessage().contains("transport:userId"));
        assertTrue(assertThrows(ConfigException.class,
                () -> PeykConfig.load(write("transports:\n  bale:\n    mode: push\n"), Map.of())).getMessage().contains("mode"));
    }

    @Test
    void brokenYamlAndMissingFileAreOneLineErrors() throws Exception {
        ConfigException bad = assertThrows(ConfigException.class, () -> PeykConfig.load(write("store: [unclosed\n"), Map.of()));
        assertFalse(bad.getMessage().contains("\n"));
        assertThrows(ConfigException.class, () -> PeykConfig.load(dir.resolve("nope.yaml"), Map.of()));
    }

    /** Values of the wrong type or out of range fail the load with one line naming the setting (they used to become defaults). */
    @Test
    void wrongTypesAndRangesAreRefusedAtLoad() throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("admins: bale:7\n", "admins must be a list");
        cases.put("transports:\n  telegram:\n    channels: \"@news\"\n", "transports.telegram.channels must be a list");
        cases.put("throttle:\n  overallPerSecond: fast\n", "throttle.overallPerSecond must be a number");
        cases.put("throttle:\n  overallPerSecond: -5\n", "throttle.overallPerSecond must be a number from 0");
        cases.put("throttle:\n  perGroupPerMinute: [1]\n", "throttle.perGroupPerMinute");
        cases.put("transports:\n  rubika:\n    options:\n      pollLimt: \"5\"\n", "transports.rubika.options.pollLimt");
        cases.put("transports:\n  console:\n    options: {x: 1}\n", "console has no options");
        cases.put("transports:\n  bale:\n    enabled: maybe\n", "transports.bale.enabled must be true or false");
        cases.put("webhook:\n  port: 99999\n", "webhook.port must be a number from 0 to 65535");
        cases.put("webhook:\n  maxBodyBytes: 0\n", "webhook.maxBodyBytes");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = write(c.getKey());
            ConfigException e = assertThrows(ConfigException.class, () -> PeykConfig.load(f, Map.of()), c.getKey());
            assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + " → " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        ConfigException env = assertThrows(ConfigException.class,
                () -> PeykConfig.load(write(""), Map.of("PEYK_WEBHOOK_PORT", "70000")));
        assertTrue(env.getMessage().contains("PEYK_WEBHOOK_PORT"), env.getMessage());
        // Good values still load, quoted numbers included.
        PeykConfig ok = PeykConfig.load(write("admins: [\"bale:7\"]\nthrottle:\n  overallPerSecond: \"20\"\n"
                + "transports:\n  rubika:\n    options: {pollLimit: 5}\n"), Map.of());
        assertEquals(List.of("bale:7"), ok.admins());
        assertEquals(20, ok.throttle().overallPerSecond());
        assertEquals("5", ok.transport("rubika").options().get("pollLimit"));
    }

    /** The console (stdin) is the fallback: a file that turns on another messenger and omits the console gets none. */
    @Test
    void theConsoleIsOnlyTheFallbackWhenTheFileOmitsIt() throws Exception {
        PeykConfig other = PeykConfig.load(write("transports:\n  bale: {enabled: true}\n"), Map.of());
        assertEquals(List.of("bale"), other.enabledTransports().stream().map(TransportConfig::name).toList());
        PeykConfig none = PeykConfig.load(write("store: a.db\n"), Map.of());
        assertEquals(List.of("console"), none.enabledTransports().stream().map(TransportConfig::name).toList());
        PeykConfig both = PeykConfig.load(write("transports:\n  console: {enabled: true}\n  bale: {enabled: true}\n"),
                Map.of());
        assertEquals(List.of("console", "bale"), both.enabledTransports().stream().map(TransportConfig::name).toList());
    }
}
