package ir.peyk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedTextTest {
    @Test
    void keyIsThePersianTextKey() throws IOException {
        for (String name : List.of("government-services-domestic-messengers.fa.txt", "irna-inflation.fa.txt",
                "hamshahri-metro.fa.txt")) {
            String text = read(name);
            assertEquals(PersianText.key(text), KeyedText.of(text).key(), name);
        }
        for (String s : List.of("", "  ", "كِتابـــ‌ها ۱۲٫۵ \u200F", "ﻻ ﷲ", "a\u0301b", "\uD83D\uDE00 ok", "آ\u0653")) {
            assertEquals(PersianText.key(s), KeyedText.of(s).key(), s);
        }
    }

    @Test
    void spansMapBackToTheOriginal() {
        String text = "  پیام‌رسان‌های  بومي ۴۰ ميليون";
        KeyedText kt = KeyedText.of(text);
        assertEquals("پیامرسانهای بومی 40 میلیون", kt.key());
        List<KeyedText.Token> tokens = kt.tokens();
        assertEquals(4, tokens.size());
        assertEquals("پیام‌رسان‌های", kt.originalSpan(tokens.get(0).start(), tokens.get(0).end()));
        assertEquals("بومي ۴۰", kt.originalSpan(tokens.get(1).start(), tokens.get(2).end()));
        assertEquals("ميليون", kt.originalSpan(tokens.get(3).start(), tokens.get(3).end()));
        assertEquals(text.length(), kt.originalEnd(kt.key().length()));
    }

    @Test
    void phraseTableIgnoresSpacesAndZwnj() {
        PhraseTable<String> t = PhraseTable.load("relative-times.txt");
        for (String s : List.of("یکسال گذشته", "یک سال گذشته", "یک‌سال گذشته", "يک‌سال‌ گذشته")) {
            KeyedText kt = KeyedText.of(s);
            var m = t.longestAt(kt.key(), kt.tokens(), 0).orElseThrow(() -> new AssertionError(s));
            assertEquals(kt.tokens().size(), m.end(), s);
        }
        KeyedText comma = KeyedText.of("سال، گذشته");
        assertEquals(1, t.longestAt(comma.key(), comma.tokens(), 0).map(PhraseTable.Match::end).orElse(1));
    }

    static String read(String name) throws IOException {
        try (InputStream in = KeyedTextTest.class.getResourceAsStream("/articles/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
