package ir.peyk.handler;

import ir.peyk.answer.EnglishQuestions;
import ir.peyk.article.DateExtractor;
import ir.peyk.article.NumberExtractor;
import ir.peyk.text.JalaliDate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An answer from the Persian article framed in English: the figures and dates of the answering words said in English
 * ("more than 40 million people", "12 July 2023 (21 Tir 1402)"), then the article's own words quoted — the words are
 * never translated, so nothing is claimed that the article does not write.
 */
final class EnglishAnswers {
    private static final double[] SCALES = {1e12, 1e9, 1e6};
    private static final String[] SCALE_NAMES = {"trillion", "billion", "million"};

    private EnglishAnswers() {}

    /** The reply text for answering words {@code answer}, in the turn's (English) strings. */
    static String frame(Turn turn, String answer, JalaliDate reference) {
        String figures = figures(turn, answer, reference);
        // the frame quotes the answer: one that is a whole quoted sentence is not quoted twice
        if (answer.length() > 1 && answer.startsWith("«") && answer.endsWith("»") && answer.indexOf('«', 1) < 0) {
            answer = answer.substring(1, answer.length() - 1);
        }
        return figures == null ? turn.t("ask.answer.quoted", "answer", answer)
                : turn.t("ask.answer.figures", "figures", figures, "answer", answer);
    }

    /** For an inline result: "more than 40 million people («بیش از ۴۰ میلیون نفر کاربر»)", or the words alone. */
    static String inline(Turn turn, String answer, JalaliDate reference) {
        String figures = figures(turn, answer, reference);
        return figures == null ? answer : figures + " («" + answer + "»)";
    }

    /** The dates and numbers of {@code text} in English, joined by "; ", or null when it has none. */
    static String figures(Turn turn, String text, JalaliDate reference) {
        List<String> out = new ArrayList<>();
        List<DateExtractor.DateMatch> dates = DateExtractor.extract(text, reference);
        for (DateExtractor.DateMatch d : dates) {
            String s = d.gregorian() == null ? null : ArticleInfo.gregorian(turn, d.gregorian());
            if (d.jalali() != null) {
                String j = ArticleInfo.jalali(turn, d.jalali());
                s = s == null ? j : s + " (" + j + ")";
            }
            if (s != null && !out.contains(s)) out.add(s);
        }
        for (NumberExtractor.NumberMatch n : NumberExtractor.extract(text)) {
            if (insideDate(n, dates)) continue;
            out.add(number(n));
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    private static boolean insideDate(NumberExtractor.NumberMatch n, List<DateExtractor.DateMatch> dates) {
        for (DateExtractor.DateMatch d : dates) if (n.start() < d.end() && d.start() < n.end()) return true;
        return false;
    }

    /** "more than 40 million people", "35.8 percent", "about 1,200 tons". */
    static String number(NumberExtractor.NumberMatch n) {
        StringBuilder b = new StringBuilder();
        if (n.qualifier() != null) b.append(n.qualifier()).append(' ');
        b.append(amount(n.value()));
        String unit = n.unit() == null ? null : EnglishQuestions.english(n.unit());
        if (unit != null) b.append(' ').append(n.value() == 1 ? unit : plural(unit));
        return b.toString();
    }

    /** 40000000 → "40 million", 1200000 → "1.2 million", 25000 → "25,000", 35.8 → "35.8". */
    static String amount(double v) {
        double a = Math.abs(v);
        for (int i = 0; i < SCALES.length; i++) {
            if (a >= SCALES[i]) return plain(v / SCALES[i]) + " " + SCALE_NAMES[i];
        }
        if (v == Math.rint(v)) return String.format(Locale.ROOT, "%,d", (long) v);
        return plain(v);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String plural(String unit) {
        if (unit.contains(" ") || unit.endsWith("s") || unit.equals("people") || unit.equals("percent")) return unit;
        return unit.endsWith("y") ? unit.substring(0, unit.length() - 1) + "ies" : unit + "s";
    }
}
