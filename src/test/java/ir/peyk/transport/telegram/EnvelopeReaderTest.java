package ir.peyk.transport.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ir.peyk.transport.http.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Bot API envelope: {@code ok} decides, wherever it stands and however the body is spaced. */
class EnvelopeReaderTest {
    private final EnvelopeReader reader = new EnvelopeReader();

    @Test
    void aSuccessIsOkWhereverOkStands() {
        String first = "{\"ok\":true,\"result\":{\"message_id\":7}}";
        assertEquals(new Outcome.Ok(first), reader.read(200, first, null));
        String last = "{\"result\":{\"message_id\":7},\"ok\":true}";
        assertEquals(new Outcome.Ok(last), reader.read(200, last, null));
        String spaced = "{ \"ok\" : true, \"result\" : true }";
        assertEquals(new Outcome.Ok(spaced), reader.read(200, spaced, null));
    }

    @Test
    void aFailureOrAnOddBodyIsReadInFull() {
        Outcome refused = reader.read(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}", null);
        assertEquals(new Outcome.Failed(400, "Bad Request: chat not found"), refused);
        Outcome flood = reader.read(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\","
                + "\"parameters\":{\"retry_after\":3}}", null);
        assertEquals(new Outcome.RetryAfter(Duration.ofSeconds(3)), flood);
        // "ok" first but not a 200: the status and the whole body decide, as for any other body.
        assertInstanceOf(Outcome.Ok.class, reader.read(500, "{\"ok\":true,\"result\":true}", null));
        assertInstanceOf(Outcome.Transient.class, reader.read(502, "{\"ok\":true", null), "a truncated body");
    }
}
