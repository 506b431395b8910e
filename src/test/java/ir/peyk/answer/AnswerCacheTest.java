package ir.peyk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bot's answer cache: a repeated question is answered from it, bounded, and a new article starts empty. */
class AnswerCacheTest {
    @Test
    void aRepeatedQuestionIsAnsweredOnceAndTheLeastRecentlyUsedGoesFirst() {
        AnswerCache cache = new AnswerCache(2);
        AtomicInteger answered = new AtomicInteger();
        java.util.function.Function<String, Answer> engine = q -> {
            answered.incrementAndGet();
            return Answer.decline(q);
        };
        Answer a = cache.get("الف", engine);
        assertSame(a, cache.get("الف", engine));
        cache.get("ب", engine);
        cache.get("الف", engine);               // used again: ب is now the eldest
        cache.get("پ", engine);                 // over capacity: ب goes
        assertEquals(3, answered.get());
        assertEquals(2, cache.size());
        cache.get("الف", engine);
        assertEquals(3, answered.get());
        cache.get("ب", engine);
        assertEquals(4, answered.get());
    }

    @Test
    void sizeZeroKeepsNothing() {
        AnswerCache cache = new AnswerCache(0);
        AtomicInteger answered = new AtomicInteger();
        cache.get("الف", q -> { answered.incrementAndGet(); return Answer.decline(q); });
        cache.get("الف", q -> { answered.incrementAndGet(); return Answer.decline(q); });
        assertEquals(2, answered.get());
        assertEquals(0, cache.size());
    }

    @Test
    void theBotsEngineAnswersARepeatedQuestionFromTheCacheAndTheSameAsAnUncachedEngine() {
        AnswerEngine bot = AnswerEngine.forBot(Fixtures.engine(Fixtures.DEFAULT).article());
        AnswerEngine plain = new AnswerEngine(bot.article());
        String q = "روبیکا به تنهایی چند کاربر ماهانه دارد؟";
        Answer first = bot.ask(q);
        assertSame(first, bot.ask(q));
        Answer uncached = plain.ask(q);
        assertNotSame(uncached, plain.ask(q));
        assertEquals(uncached, first);
        // another article means another engine, whose cache starts empty
        assertNotSame(first, AnswerEngine.forBot(bot.article()).ask(q));
    }
}
