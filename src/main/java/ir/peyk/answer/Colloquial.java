package ir.peyk.answer;

import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The written forms a spoken or chat word may stand for, as candidates for the matcher (which keeps only those the
 * article writes): listed words (colloquial.txt: میشه → میشود) and the regular shifts of spoken Persian — a final -ه
 * for -د or a dropped copula (داره → دارد، تومنه → تومن), -ن for -ند (گرفتن → گرفتند), -ا for -ها (پیامرسانا),
 * ون for ان or وان (خونه → خانه، بارون → باران، میتونه → میتوانه) and تومن for تومان. Two shifts at most, so تومنه reaches تومان.
 */
final class Colloquial {
    private static final Map<String, List<String>> LISTED = listed();

    private Colloquial() {}

    /** Written candidates for {@code w} (key space), nearest first; never {@code w} itself. */
    static List<String> forms(String w) {
        Set<String> out = new LinkedHashSet<>(LISTED.getOrDefault(w, List.of()));
        Set<String> first = shifts(w);
        out.addAll(first);
        for (String f : first) {
            out.addAll(LISTED.getOrDefault(f, List.of()));
            out.addAll(shifts(f));
        }
        out.remove(w);
        return List.copyOf(out);
    }

    private static Set<String> shifts(String w) {
        Set<String> out = new LinkedHashSet<>();
        int n = w.length();
        if (n < 3) return out;
        if (w.endsWith("ه")) {
            out.add(w.substring(0, n - 1));               // تومنه → تومن (a spoken copula)
            out.add(w.substring(0, n - 1) + "د");         // داره → دارد
            if (w.endsWith("یه") && n >= 5) out.add(w.substring(0, n - 2));   // موقعیه → موقع (یه: a spoken "is")
        }
        if (w.endsWith("ن") && !w.endsWith("ان")) out.add(w + "د");   // گرفتن → گرفتند
        if (w.endsWith("ا") && !w.endsWith("ها") && n >= 4) out.add(w.substring(0, n - 1) + "ها");   // پیامرسانا
        for (int i = w.indexOf("ون"); i >= 0; i = w.indexOf("ون", i + 1)) {
            out.add(w.substring(0, i) + "ان" + w.substring(i + 2));     // خونه → خانه
            out.add(w.substring(0, i) + "وان" + w.substring(i + 2));    // میتونن → میتوانن (→ میتوانند)
        }
        if (w.endsWith("ن") && n >= 4 && w.charAt(n - 2) != 'ا') out.add(w.substring(0, n - 1) + "ان");   // تومن → تومان
        return out;
    }

    private static Map<String, List<String>> listed() {
        Map<String, List<String>> out = new HashMap<>();
        for (String line : Lexicon.lines("colloquial.txt")) {
            int eq = line.indexOf('=');
            if (eq < 0) throw new IllegalStateException("colloquial.txt: expected SPOKEN = WRITTEN, got " + line);
            List<String> forms = new ArrayList<>();
            for (String f : line.substring(eq + 1).split(",")) if (!f.isBlank()) forms.add(PersianText.key(f).replace(" ", ""));
            out.put(PersianText.key(line.substring(0, eq)), List.copyOf(forms));
        }
        return Map.copyOf(out);
    }
}
