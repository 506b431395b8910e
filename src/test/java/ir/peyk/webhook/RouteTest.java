package ir.peyk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The webhook URL the server registers and the one `peyk webhook urls` prints are built alike. */
class RouteTest {
    @Test
    void theUrlIsThePublicBaseWithoutTrailingSlashesThenThePath() {
        assertEquals("https://bot.example.com/hook/gap/s3cret", Route.url("https://bot.example.com", "gap", "s3cret"));
        assertEquals("https://bot.example.com/hook/gap/s3cret", Route.url("https://bot.example.com/", "gap", "s3cret"));
        assertEquals("https://bot.example.com/p/hook/gap/s3cret", Route.url(" https://bot.example.com/p// ", "gap", "s3cret"));
        assertEquals("/hook/gap/s3cret", Route.url(null, "gap", "s3cret"), "no public URL: the path alone");
        assertEquals("/hook/gap/s3cret", Route.url("  ", "gap", "s3cret"));
    }
}
