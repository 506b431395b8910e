package ir.peyk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Transport;
import ir.peyk.config.ConfigException;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The factory turns a malformed whole-number option into one ConfigException naming the setting. */
class TransportsTest {
    static TransportConfig config(String name, Map<String, String> options) {
        return new TransportConfig(name, true, "1:token", "http://127.0.0.1:9", "polling", List.of(), options);
    }

    @Test
    void wholeNumberOptionsAreCheckedAlikeOnEveryTransport() throws Exception {
        PeykConfig defaults = PeykConfig.load(null, Map.of());
        for (String bad : List.of("soon", "-1", "99999999999")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> Transports.create(config("telegram", Map.of("pollTimeoutSeconds", bad)), defaults), bad);
            assertTrue(e.getMessage().startsWith("transports.telegram.options.pollTimeoutSeconds must be"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        ConfigException wrapped = assertThrows(ConfigException.class,
                () -> Transports.create(config("eitaa", Map.of("maxTextLength", "4294967312")), defaults));
        assertTrue(wrapped.getMessage().contains("transports.eitaa.options.maxTextLength must be at most 2147483647"),
                wrapped.getMessage());
        try (Transport t = Transports.create(config("bale", Map.of("pollTimeoutSeconds", " 3 ")), defaults);
             Transport e = Transports.create(config("eitaa", Map.of("maxTextLength", "500")), defaults)) {
            assertEquals("bale", t.name());
            assertEquals(500, e.capabilities().maxTextLength());
        }
    }
}
