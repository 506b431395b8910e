package ir.peyk.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * The other forms a question word may take in the article: its stems, its broken plural, the infinitive of a past
 * verb, the noun of a verb's action (verb-nouns.txt), the base of a noun in -گی. Each is a candidate the matcher
 * checks against the article's words (QuestionTerms weighs them a little under the word itself).
 */
final class WordForms {
    private WordForms() {}

    /** The noun a -گی noun is made from: سالگی → سال، خستگی → خسته. Empty for any other word. */
    static List<String> bases(String text) {
        if (!text.endsWith("گی") || text.length() < 5) return List.of();
        String base = text.substring(0, text.length() - 2);
        return List.of(base, base + "ه");
    }

    /** Endings after a past stem: a participle (فروخته), a person (فروختند، فروختیم), spoken 3rd plural (فروختن). */
    private static final List<String> PAST_ENDINGS = List.of("هاند", "ه", "ند", "یم", "ید", "ن", "");

    /**
     * The nouns of a verb's action (verb-nouns.txt) when {@code w} is a form of its past stem: فروخته، می‌فروختند،
     * نفروخت → فروش. Empty for any other word.
     */
    static List<String> verbNouns(String w) {
        String v = w.startsWith("نمی") ? w.substring(3) : w.startsWith("می") ? w.substring(2) : w;
        for (String ending : PAST_ENDINGS) {
            if (!v.endsWith(ending) || v.length() - ending.length() < 2) continue;
            String stem = v.substring(0, v.length() - ending.length());
            List<String> nouns = Lang.VERB_NOUNS.get(stem);
            if (nouns == null && stem.startsWith("ن")) nouns = Lang.VERB_NOUNS.get(stem.substring(1));
            if (nouns != null) return nouns;
        }
        return List.of();
    }

    /** Personal endings of a past verb (بردند، بردیم، بردید): what is left is its stem. */
    private static final List<String> VERB_ENDINGS = List.of("ند", "یم", "ید");

    /** The word, its stems, its broken-plural pair and a verb's infinitive: the forms looked up in the equivalents. */
    static List<String> forms(String text) {
        List<String> out = new ArrayList<>(4);
        out.add(text);
        String stem = TermMatcher.stem(text);
        if (!stem.equals(text)) out.add(stem);
        for (String suffix : Lang.SUFFIXES) {             // one suffix off: the light stem may take two (بیمارستانها → بیمارست)
            if (text.length() - suffix.length() < 2 || !text.endsWith(suffix)) continue;
            String base = text.substring(0, text.length() - suffix.length());
            if (!out.contains(base) && Lang.EQUIVALENTS.containsKey(base)) out.add(base);
        }
        String other = otherNumber(text);
        if (other != null) out.add(other);
        for (String ending : VERB_ENDINGS) {              // a past verb's infinitive: بردند → بردن
            if (text.length() - ending.length() < 2 || !text.endsWith(ending)) continue;
            String infinitive = text.substring(0, text.length() - ending.length()) + "ن";
            if (Lang.EQUIVALENTS.containsKey(infinitive)) out.add(infinitive);
        }
        return out;
    }

    /** The broken plural of a singular or back, the question's ی ending aside ("خطوطی" → خط); null when none. */
    static String otherNumber(String text) {
        String o = Lang.PLURAL_PAIRS.get(text);
        if (o == null && text.length() > 3 && text.endsWith("ی")) o = Lang.PLURAL_PAIRS.get(text.substring(0, text.length() - 1));
        return o;
    }
}
