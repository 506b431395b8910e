package ir.peyk.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Batch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Poison items of every codec: keyed by the payload's digest, so a replay is stored once. */
class FingerprintTest {
    @Test
    void aPoisonItemIsKeyedByThePayloadAndNamesTheTransport() {
        String body = "{\"update\": [not json";
        Batch.Item item = Fingerprint.poison("gap", body.getBytes(StandardCharsets.UTF_8), "malformed JSON");
        assertNull(item.update());
        assertEquals("gap: malformed JSON", item.error());
        assertTrue(item.key().matches("poison:[0-9a-f]{16}"), item.key());
        assertEquals("poison:" + Fingerprint.of(body), item.key());
        assertEquals(item.key(), Fingerprint.poison("rubika", body, "other words").key(), "the same bytes, the same key");
        assertNotEquals(item.key(), Fingerprint.poison("gap", body + " ", "malformed JSON").key());
    }
}
