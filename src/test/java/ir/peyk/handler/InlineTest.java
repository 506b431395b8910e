package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.InlineResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** "@bot text": results, paging by next_offset, the short cache; and no inline where the platform has none. */
class InlineTest extends HandlerFixture {
    @Test
    void anEmptyQueryGivesTheSummaryFirst() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        RecordingTransport.InlineAnswer a = bot.inline("", "");
        assertNotNull(a);
        assertFalse(a.results().isEmpty());
        InlineResult summary = a.results().get(0);
        assertEquals("s", summary.id());
        assertEquals("خلاصهٔ خبر", summary.title());
        for (var e : bot.engine.summary(3).sentences()) assertTrue(summary.text().contains(e.text().strip()));
        // The summary, then the quotes (a statement the article repeats under another verb is listed once).
        assertTrue(a.results().size() > 1 && a.results().size() <= 1 + bot.engine.quotes().size(), a.results().toString());
        assertTrue(a.results().stream().skip(1).allMatch(r -> r.id().startsWith("q")), "the summary, then quotes");
        assertTrue(bot.transport.out.isEmpty(), "inline answers are not messages");
    }

    @Test
    void resultsArePagedTenAtATimeByOffset() throws Exception {
        bot = new TestBot(dir, "telegram", RecordingTransport.TELEGRAM, TestBot.longArticle());
        List<InlineResult> all = new ArrayList<>();
        String offset = "";
        int pages = 0;
        do {
            RecordingTransport.InlineAnswer a = bot.inline("شبکه", offset);
            assertTrue(a.results().size() <= InlineAnswers.PAGE);
            assertFalse(a.results().isEmpty());
            all.addAll(a.results());
            offset = a.nextOffset();
            pages++;
        } while (!offset.isEmpty() && pages < 10);
        int answer = bot.engine.ask("شبکه").answered() ? 1 : 0;
        assertEquals(3, pages, "the summary and 24 sentences (and an answer, if any) in pages of 10");
        assertEquals(answer + 25, all.size());
        Set<String> ids = new HashSet<>();
        for (InlineResult r : all) assertTrue(ids.add(r.id()), "unique id " + r.id());
        assertEquals("s", all.get(answer).id());
        for (InlineResult r : all.subList(answer + 1, all.size())) assertTrue(r.text().contains("شبکه"), r.text());
        assertEquals(1, bot.router.inline().cache().misses(), "one computation for three pages");
        assertEquals(2, bot.router.inline().cache().hits());
    }

    @Test
    void theLastWordMayBeAPrefixAsTheUserTypes() throws Exception {
        bot = new TestBot(dir, "telegram", RecordingTransport.TELEGRAM, TestBot.longArticle());
        RecordingTransport.InlineAnswer a = bot.inline("شب", "");
        assertEquals("10", a.nextOffset(), "شب… matches every sentence");
        assertTrue(a.results().get(a.results().size() - 1).id().startsWith("x"));
        List<InlineResult> one = bot.inline("شبکه بارک", "").results().stream().filter(r -> r.id().startsWith("x")).toList();
        assertEquals(1, one.size(), "whole words must match, the last may be a prefix");
        assertTrue(one.get(0).text().contains("بارکان"));
        assertTrue(bot.inline("کلمه‌ای-که-نیست", "").results().stream().noneMatch(r -> r.id().startsWith("x")),
                "no sentence matches");
    }

    @Test
    void cacheExpiresAfterItsTtlAndKeysByNormalizedText() throws Exception {
        bot = new TestBot(dir, "telegram", RecordingTransport.TELEGRAM, TestBot.longArticle());
        bot.inline("شبكه", "");          // Arabic kaf
        bot.inline("  شبکه ", "10");     // Persian kaf, spaces: same key
        assertEquals(1, bot.router.inline().cache().misses());
        bot.clock.addAndGet(InlineAnswers.TTL_NANOS + TimeUnit.SECONDS.toNanos(1));
        bot.inline("شبکه", "");
        assertEquals(2, bot.router.inline().cache().misses(), "expired");
    }

    @Test
    void badOffsetsStartOverOrEndQuietly() throws Exception {
        bot = new TestBot(dir, "telegram", RecordingTransport.TELEGRAM, TestBot.longArticle());
        String first = bot.inline("شبکه", "").results().get(0).id();
        assertEquals(first, bot.inline("شبکه", "abc").results().get(0).id());
        assertEquals(first, bot.inline("شبکه", "-5").results().get(0).id());
        RecordingTransport.InlineAnswer past = bot.inline("شبکه", "9999");
        assertTrue(past.results().isEmpty());
        assertEquals("", past.nextOffset());
    }

    @Test
    void hostileQueriesAreAnswered() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        for (String q : List.of("\u202e\u0000\u0007", "🙂".repeat(500), "x".repeat(100_000), "\uD800", "?!.،؟")) {
            RecordingTransport.InlineAnswer a = bot.inline(q, null);
            assertNotNull(a, () -> "answered: " + q.length());
            for (InlineResult r : a.results()) assertTrue(r.title().length() <= 100 && r.description().length() <= 200);
        }
    }

    @Test
    void noInlineQueriesOnBale() {
        bot = new TestBot(dir, "bale", RecordingTransport.BALE, TestBot.defaultArticle());
        assertNull(bot.inline("روبیکا", ""));
        assertEquals(1, bot.passedOn);
        String help = bot.ask("/help");
        assertFalse(help.contains("@peyk_bot"), "/help must not advertise inline mode on Bale: " + help);
        assertTrue(help.contains("دکمه"), "it mentions the buttons instead");
        // The same features, by commands and buttons:
        RecordingTransport.Out summary = bot.say("/summary 2").get(0);
        assertEquals("sum:2", TestBot.button(summary, "sum:").data());
    }
}
