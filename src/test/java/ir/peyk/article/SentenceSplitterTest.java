package ir.peyk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    @Test
    void breaksOnPersianAndLatinEnders() {
        assertEquals(List.of("اول.", "دوم؟", "سوم!", "چهارم?", "پنجم…", "ششم"),
                SentenceSplitter.split("اول. دوم؟ سوم! چهارم? پنجم… ششم"));
        assertEquals(List.of("او گفت «بله».", "بعد رفت."), SentenceSplitter.split("او گفت «بله». بعد رفت."));
    }

    @Test
    void keepsColonQuotesSemicolonsNumbersDatesTimesAndInitialsWhole() {
        String s = "وزیر گفت: تلاشمان این است؛ امسال ۳.۵ درصد در ۱۳۸۲/۱۰/۱۷ ساعت 00:09 و دکتر م. رضایی و J. Smith و ۱۲.۵.";
        assertEquals(List.of(s), SentenceSplitter.split(s));
    }

    @Test
    void keepsAClosedGuillemetQuoteWhole() {
        assertEquals(List.of("او گفت: «ما آماده‌ایم. نگران نباشید.»", "سپس رفت."),
                SentenceSplitter.split("او گفت: «ما آماده‌ایم. نگران نباشید.» سپس رفت."));
        // An unclosed « does not swallow the paragraph.
        assertEquals(List.of("او گفت: «ما آماده‌ایم.", "سپس رفت."), SentenceSplitter.split("او گفت: «ما آماده‌ایم. سپس رفت."));
    }

    @Test
    void abbreviationsFromTheDataFile() {
        assertEquals(List.of("در سال ۱۳۵۷ ه.ش. انقلاب شد."), SentenceSplitter.split("در سال ۱۳۵۷ ه.ش. انقلاب شد."));
    }

    @Test
    void strayPunctuationJoinsThePreviousSentence() {
        assertEquals(List.of("پایان. ..."), SentenceSplitter.split("پایان. ..."));
        assertEquals(List.of(), SentenceSplitter.split("   "));
    }

    @Test
    void aHugeQuotedParagraphIsSplitInLinearTime() {
        String p = "او گفت: «" + "جمله‌ای کوتاه. ".repeat(50_000) + "پایان.» بعد رفت.";
        List<String> s = SentenceSplitter.split(p);
        assertEquals(2, s.size());
        assertEquals("بعد رفت.", s.get(1));
    }
}
