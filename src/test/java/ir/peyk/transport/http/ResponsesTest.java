package ir.peyk.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parsing every platform reader shares: what counts as an envelope, and how long a 429 asks to wait. */
class ResponsesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyAJsonObjectIsAnEnvelope() {
        assertEquals(1, Responses.jsonObject("{\"ok\":true}").size());
        for (String notAnObject : new String[]{null, "", "  \n", "<html>502 Bad Gateway</html>", "[1,2]", "\"ok\"", "42",
                "{\"ok\":", "\u0000\u0001"}) {
            assertNull(Responses.jsonObject(notAnObject), String.valueOf(notAnObject));
        }
    }

    @Test
    void retryAfterHeaderIsWholeSecondsNeverNegative() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), Responses.retryAfter(" 7 "));
        assertEquals(Optional.of(Duration.ZERO), Responses.retryAfter("-5"));
        assertEquals(Optional.empty(), Responses.retryAfter(null));
        assertEquals(Optional.empty(), Responses.retryAfter("soon"));
        assertEquals(Optional.empty(), Responses.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "HTTP dates are not read");
        assertEquals(Optional.empty(), Responses.retryAfter("1.5"));
    }

    @Test
    void secondsInTheBodyMustBeAWholeNumberAtLeastZero() throws Exception {
        JsonNode n = JSON.readTree("{\"a\":3,\"neg\":-1,\"text\":\"3\",\"nul\":null}");
        assertEquals(Optional.of(Duration.ofSeconds(3)), Responses.seconds(n.path("a")));
        assertEquals(Optional.empty(), Responses.seconds(n.path("neg")));
        assertEquals(Optional.empty(), Responses.seconds(n.path("text")));
        assertEquals(Optional.empty(), Responses.seconds(n.path("nul")));
        assertEquals(Optional.empty(), Responses.seconds(n.path("missing")));
    }
}
