package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class I18nTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)\\}");

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        I18n fa = I18n.of("fa");
        I18n en = I18n.of("en");
        assertEquals(new TreeSet<>(fa.keys()), new TreeSet<>(en.keys()));
        for (String k : fa.keys()) {
            assertEquals(placeholders(fa.t(k)), placeholders(en.t(k)), k);
            assertTrue(!fa.t(k).isBlank(), k);
        }
        assertTrue(fa.keys().size() > 80);
    }

    @Test
    void persianIsTheDefaultWhateverTheJvmLocale() {
        assertEquals("fa", I18n.of(null).lang());
        assertEquals("fa", I18n.of("de").lang());
        assertEquals("en", I18n.of("EN-us").lang());
        assertEquals("دستورها:", I18n.of("xx").t("help.title"));
    }

    @Test
    void placeholdersAreFilledAndNumbersLocalized() {
        assertEquals("خلاصهٔ خبر «عنوان» در ۱۲ جمله:", I18n.of("fa").t("summary.title", "n", 12, "title", "عنوان"));
        assertEquals("Summary of \"T\" in 12 sentences:", I18n.of("en").t("summary.title", "n", 12, "title", "T"));
        assertEquals("Title: ", I18n.of("en").t("source.title", "title", null));
        assertEquals("۰۰:۰۹", I18n.of("fa").digits("00:09"));
        assertEquals("۳٫۵", I18n.of("fa").number(3.5));
        assertEquals("no.such.key", I18n.of("fa").t("no.such.key"));
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
