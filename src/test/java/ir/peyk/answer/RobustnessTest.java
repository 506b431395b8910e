package ir.peyk.answer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and hostile strings through ask, searchQuotes and summary: nothing escapes, every question gets
 * an answer or a decline, and a decline carries no answer text.
 */
class RobustnessTest {
    private static final String[] PIECES = {
        "", " ", "\t\n", "؟", "?!", "...", "«»", "()", "(((", ")))", "\u200c", "\u200d", "\u200e\u200f", "\u202b\u202c",
        "\u2067\u2069", "\ufeff", "\u0000", "\u0007", "\u001b[31m", "\ud83d\ude00", "\ud83c\uddee\ud83c\uddf7", "\ud800",
        "\udfff", "'; DROP TABLE articles; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x}",
        "%s%n%d", "\\", "999999999999999999999999999999", "۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰", "1e309", "-0", "NaN", "٫٬،؛",
        "چند", "کی", "چه کسی", "چرا", "کدام", "آیا", "منبع", "وزیر", "روبیکا", "میلیون", "ها", "های", "می",
        "پیام‌رسان", "ـــــ", "ً ٌ ٍ", "ﻻ", "كيست", "٤٠", "who", "HOW MANY", "the", "\u0301\u0301\u0301",
    };

    private final List<AnswerEngine> engines = List.of(Fixtures.engine(Fixtures.DEFAULT), Fixtures.engine(Fixtures.DAMS));

    @Test
    void randomAndHostileQuestionsNeverEscape() {
        Random r = new Random(20240601);
        int answered = 0;
        int n = 0;
        for (String q : hostile(r, 3000)) {
            for (AnswerEngine e : engines) {
                Answer a = assertDoesNotThrow(() -> e.ask(q));
                assertNotNull(a);
                if (a.answered()) {
                    answered++;
                    assertNotNull(a.answer());
                    assertFalse(a.evidence().isEmpty());
                } else {
                    assertEquals(null, a.answer());
                }
                assertTrue(a.confidence() >= 0 && a.confidence() <= 1);
                assertTrue(a.question().length() <= QuestionAnalyzer.MAX_CHARS);
                n++;
            }
        }
        assertEquals(6000, n);
        assertTrue(answered < n, "garbage must mostly be declined");
    }

    @Test
    void hostileQuoteSearchesAndSummaryLengthsNeverEscape() {
        Random r = new Random(99);
        for (String q : hostile(r, 2000)) {
            for (AnswerEngine e : engines) assertNotNull(assertDoesNotThrow(() -> e.searchQuotes(q)));
        }
        for (AnswerEngine e : engines) {
            assertNotNull(e.searchQuotes(null));
            assertNotNull(e.ask(null));
            for (int n : new int[]{Integer.MIN_VALUE, -1, 0, 1, 3, 10, 11, Integer.MAX_VALUE}) {
                Summary s = assertDoesNotThrow(() -> e.summary(n));
                assertTrue(s.sentences().size() >= 1 && s.sentences().size() <= 10);
            }
        }
    }

    @Test
    void hugeInputsAreCappedAndStillDeclined() {
        String big = "الف ".repeat(25_000) + "روبیکا چند کاربر دارد؟";      // 100 KB
        for (AnswerEngine e : engines) {
            Answer a = e.ask(big);
            assertFalse(a.answered());
            assertTrue(a.question().length() <= QuestionAnalyzer.MAX_CHARS);
            assertNotNull(e.searchQuotes(big));
        }
    }

    @Test
    void onlyPunctuationOrWhitespaceIsDeclined() {
        for (String q : List.of("", " ", "؟؟؟", "!!!", "...", "\u200c\u200c", "«»", "-", "()")) {
            for (AnswerEngine e : engines) assertFalse(e.ask(q).answered(), q);
        }
    }

    @Test
    void englishQuestionsAreDeclinedPolitelyInEnglish() {
        assertEquals(AnswerEngine.DECLINE_EN, AnswerEngine.declineMessage("Who is the CEO of Rubika?"));
        assertEquals(AnswerEngine.DECLINE_FA, AnswerEngine.declineMessage("مدیرعامل روبیکا کیست؟"));
        assertEquals(AnswerEngine.DECLINE_FA, AnswerEngine.declineMessage(null));
    }

    private static List<String> hostile(Random r, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            int parts = r.nextInt(8);
            for (int p = 0; p < parts; p++) {
                switch (r.nextInt(4)) {
                    case 0 -> b.append(PIECES[r.nextInt(PIECES.length)]);
                    case 1 -> {                                          // random code units, lone surrogates included
                        int len = r.nextInt(20);
                        for (int k = 0; k < len; k++) b.append((char) r.nextInt(0x10000));
                    }
                    case 2 -> {                                          // random Persian letters and spaces
                        int len = r.nextInt(30);
                        for (int k = 0; k < len; k++) b.append(r.nextInt(6) == 0 ? ' ' : (char) (0x0627 + r.nextInt(40)));
                    }
                    default -> b.append(' ').append(PIECES[r.nextInt(PIECES.length)]).append(' ');
                }
            }
            if (i % 500 == 0) b.append("x".repeat(100_000));            // a few 100 KB strings
            out.add(b.toString());
        }
        return out;
    }
}
