package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The small parsers: callback data, command text, user text, the cache. */
class CodecTest {
    @Test
    void callbackDataRoundTripsWithin64Bytes() {
        List<CallbackData> all = List.of(new CallbackData.MoreSummary(3), new CallbackData.NextQuote(0),
                new CallbackData.NextQuote(-1), new CallbackData.NextMatchingQuote(4, "پیام‌رسان"),
                new CallbackData.ShowEvidence("1a2b3c", List.of(4, 17, 9999)));
        for (CallbackData d : all) {
            String s = d.encode();
            assertTrue(s.getBytes(StandardCharsets.UTF_8).length <= 64, s);
            assertEquals(Optional.of(d), CallbackData.decode(s), s);
        }
        assertEquals(6, new CallbackData.ShowEvidence("t", List.of(1, 2, 3, 4, 5, 6, 7, 8)).sentences().size());
        assertNull(new CallbackData.NextMatchingQuote(1, "خیلی‌طولانی".repeat(5)).encode(), "too long: no button");
        assertEquals(Optional.of(new CallbackData.NextQuote(-1)), CallbackData.decode("quote:next"));
    }

    @Test
    void callbackDecodeRejectsAnythingElseWithoutThrowing() {
        for (String s : List.of("sum:0", "sum:101", "sum:+3", "sum: 3", "quote:x", "ev:ab-cd:1", "ev:abc:1,x",
                "qw:1:\u202e", "SUM:3", "sum:3:4", "ev:abc:-1")) {
            assertTrue(CallbackData.decode(s).isEmpty(), s);
        }
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String prefix = List.of("sum:", "quote:", "qw:", "ev:", "ev:abc:", "").get(r.nextInt(6));
            StringBuilder b = new StringBuilder(prefix);
            int n = r.nextInt(70);
            for (int j = 0; j < n; j++) b.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : "0123456789:,-".charAt(r.nextInt(13)));
            CallbackData.decode(b.toString()).ifPresent(d -> assertTrue(d.encode() == null || d.encode().length() <= 64));
        }
    }

    @Test
    void articleTagIsShortAndSafe() {
        assertEquals("9f86d0", CallbackData.articleTag("9f86d081884c7d659a2feaa0c55ad015"));
        assertEquals("0", CallbackData.articleTag(null));
        assertEquals("ab", CallbackData.articleTag("a:b"));
    }

    @Test
    void commandTextParsing() {
        assertEquals(Optional.of(new CommandText("summary", "peyk_bot", "4")), CommandText.parse("/Summary@peyk_bot   4 "));
        assertEquals(Optional.of(new CommandText("quote", null, "دولت  و مردم")), CommandText.parse("  /quote دولت  و مردم"));
        assertEquals(Optional.of(new CommandText("ask", null, "a\nb")), CommandText.parse("/ask\na\nb"));
        for (String s : List.of("", "/", "hello /start", "/ 4", "/path/to/file", "//", "/summary@", "/@bot"))
            assertTrue(CommandText.parse(s).isEmpty(), s);
        assertTrue(CommandText.parse(null).isEmpty());
        assertTrue(CommandText.parse("/summary@Peyk_Bot").orElseThrow().addressedTo("@peyk_bot"));
        assertFalse(CommandText.parse("/summary@other").orElseThrow().addressedTo("peyk_bot"));
        assertTrue(CommandText.parse("/summary").orElseThrow().addressedTo(null));
        assertFalse(CommandText.parse("/سلام").orElseThrow().wellFormed());
    }

    @Test
    void safeTextStripsControlsAndBidiButKeepsPersian() {
        assertEquals("سلام دنیا", SafeText.clean("\u202eسلام\u0000\n\tدنیا\u2069 "));
        assertEquals("پیام\u200cرسان 🙂", SafeText.clean("پیام\u200cرسان  🙂"));
        assertEquals("a b", SafeText.clean("a\uD800 \uDC00b"));
        assertEquals("", SafeText.clean(null));
        assertEquals("ab…", SafeText.display("abcdef", 3));
        assertEquals("…", SafeText.cut("🙂🙂", 2), "never half a surrogate pair");
    }

    @Test
    void ttlCacheEvictsTheLeastRecentlyUsedAndExpires() {
        AtomicLong now = new AtomicLong();
        TtlCache<String, String> cache = new TtlCache<>(2, 100, now::get);
        cache.get("a", k -> "A");
        cache.get("b", k -> "B");
        cache.get("a", k -> "stale");        // a is now the most recent
        cache.get("c", k -> "C");            // evicts b
        assertEquals(2, cache.size());
        assertEquals("A", cache.get("a", k -> "recomputed"));
        assertEquals("B2", cache.get("b", k -> "B2"));
        now.addAndGet(100);
        assertEquals("A3", cache.get("a", k -> "A3"), "expired at its TTL");
        assertEquals(2, cache.hits());
    }
}
