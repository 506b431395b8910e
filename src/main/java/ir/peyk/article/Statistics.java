package ir.peyk.article;

import ir.peyk.article.ArticleStats.DateMention;
import ir.peyk.article.ArticleStats.Keyword;
import ir.peyk.article.ArticleStats.NumberMention;
import ir.peyk.article.ArticleStats.RelativeTime;
import ir.peyk.text.JalaliDate;
import ir.peyk.text.KeyedText;
import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes {@link ArticleStats}. Counts and keywords come from the body only: the title, the dateline and the footer
 * boilerplate (source credits, legal notices) would skew them. Numbers and dates come from every part of the article.
 */
public final class Statistics {
    /** Reading speed for the reading time: a common figure for adult readers of Persian news. */
    public static final int WORDS_PER_MINUTE = 200;
    /** How many keywords {@link #of(Article)} lists. */
    public static final int TOP_KEYWORDS = 10;

    private static final Set<String> STOPWORDS = compact(Lexicon.keySet("stopwords.txt"));
    private static final Set<String> BOILERPLATE = compact(Lexicon.keySet("keyword-boilerplate.txt"));
    private static final Set<String> NOT_PLURAL = compact(Lexicon.keySet("not-plural.txt"));

    private Statistics() {}

    public static ArticleStats of(Article article) {
        return of(article, TOP_KEYWORDS);
    }

    public static ArticleStats of(Article article, int topKeywords) {
        List<Sentence> body = article.body();
        int words = 0;
        Set<String> unique = new HashSet<>();
        Map<Integer, List<String>> paragraphs = new TreeMap<>();
        for (Sentence s : body) {
            List<String> w = PersianText.words(s.key());
            words += w.size();
            unique.addAll(w);
            paragraphs.computeIfAbsent(s.paragraph(), p -> new ArrayList<>()).add(s.text());
        }
        int chars = 0;
        for (List<String> p : paragraphs.values()) {
            String text = String.join(" ", p);
            chars += text.codePointCount(0, text.length());
        }
        int reading = (int) Math.round(words * 60.0 / WORDS_PER_MINUTE);
        return new ArticleStats(article.id(), article.title(), words, unique.size(), body.size(), paragraphs.size(),
                chars, reading, keywords(article, topKeywords), numbers(article), dates(article),
                relativeTimes(article), ArticleStats.Source.of(article.meta()));
    }

    /** A word's group: its surface forms by count, in order of first appearance. */
    private static final class Group {
        final Map<String, Integer> forms = new LinkedHashMap<>();   // key form → count
        final Map<String, String> surface = new LinkedHashMap<>();  // key form → first original spelling
        int count;
        int first;
    }

    /**
     * The most frequent body content words. Plural endings ها / های are merged into one term where safe (the stem
     * keeps at least three letters and the word is not listed in not-plural.txt); the term shown is the bare stem when
     * the article uses it, else the group's most frequent spelling. Numbers, one-letter words, stopwords, news
     * boilerplate and the words of the wire agency's name are left out.
     */
    static List<Keyword> keywords(Article article, int top) {
        Set<String> agency = new HashSet<>();
        if (article.meta().agency() != null) agency.addAll(PersianText.keyWords(article.meta().agency()));
        Map<String, Group> groups = new LinkedHashMap<>();
        int position = 0;
        for (Sentence s : article.body()) {
            KeyedText kt = KeyedText.of(s.text());
            for (KeyedText.Token t : kt.tokens()) {
                position++;
                String w = t.text();
                if (w.codePointCount(0, w.length()) < 2 || w.chars().anyMatch(Character::isDigit)) continue;
                if (STOPWORDS.contains(w) || BOILERPLATE.contains(w) || agency.contains(w)) continue;
                String stem = stem(w);
                if (STOPWORDS.contains(stem) || BOILERPLATE.contains(stem)) continue;
                Group g = groups.computeIfAbsent(stem, k -> new Group());
                if (g.count == 0) g.first = position;
                g.count++;
                g.forms.merge(w, 1, Integer::sum);
                g.surface.putIfAbsent(w, kt.originalSpan(t.start(), t.end()));
            }
        }
        List<Map.Entry<String, Group>> ranked = new ArrayList<>(groups.entrySet());
        ranked.sort(Comparator.comparingInt((Map.Entry<String, Group> e) -> -e.getValue().count)
                .thenComparingInt(e -> e.getValue().first));
        List<Keyword> out = new ArrayList<>();
        for (Map.Entry<String, Group> e : ranked.subList(0, Math.min(top, ranked.size()))) {
            Group g = e.getValue();
            String form = g.forms.containsKey(e.getKey()) ? e.getKey()
                    : g.forms.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
            out.add(new Keyword(g.surface.get(form), g.count));
        }
        return out;
    }

    /** The word without a plural ending ها / های, when that is safe; else the word itself. */
    static String stem(String w) {
        if (NOT_PLURAL.contains(w)) return w;
        for (String suffix : new String[] {"های", "ها"}) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) return w.substring(0, w.length() - suffix.length());
        }
        return w;
    }

    static List<NumberMention> numbers(Article article) {
        List<NumberMention> out = new ArrayList<>();
        for (Sentence s : article.sentences()) {
            for (NumberExtractor.NumberMatch n : NumberExtractor.extract(s.text())) {
                out.add(new NumberMention(n.text(), n.number(), n.unit(), n.qualifier(), section(s), s.index()));
            }
        }
        return out;
    }

    static List<DateMention> dates(Article article) {
        List<DateMention> out = new ArrayList<>();
        ArticleMeta meta = article.meta();
        // The page date and the dateline are not sentences: find how the raw text writes them.
        List<DateExtractor.DateMatch> header = DateExtractor.extract(article.raw(), null);
        if (meta.pageDate() != null) out.add(metaDate(header, meta.pageDate(), "page"));
        if (meta.published() != null) out.add(metaDate(header, meta.published(), "dateline"));
        // A dateline's day and month without a year stays one (jalali "MM/dd", no Gregorian day) rather than vanish.
        if (meta.published() == null && meta.publishedDayMonth() != null) {
            out.add(new DateMention(dayMonthText(article), meta.publishedDayMonth().toString(), null, "dateline", -1));
        }
        JalaliDate ref = reference(article);
        for (Sentence s : article.sentences()) {
            for (DateExtractor.DateMatch d : DateExtractor.extract(s.text(), ref)) {
                out.add(new DateMention(d.text(), d.jalali().toString(), d.gregorian().toString(), section(s), s.index()));
            }
        }
        return out;
    }

    /** How the raw text writes the dateline's day and month ("۱۵ خرداد"). */
    private static String dayMonthText(Article article) {
        for (String line : article.raw().split("\\R")) {
            java.util.Optional<DateExtractor.FirstDate> d = DateExtractor.first(line);
            if (d.isPresent() && article.meta().publishedDayMonth().equals(d.get().dayMonth())) return d.get().text();
        }
        return article.meta().publishedDayMonth().toString();
    }

    private static DateMention metaDate(List<DateExtractor.DateMatch> header, JalaliDate date, String section) {
        String text = header.stream().filter(d -> d.jalali().equals(date) && d.calendar().equals("jalali"))
                .map(DateExtractor.DateMatch::text).findFirst().orElse(date.display());
        return new DateMention(text, date.toString(), date.toGregorian().toString(), section, -1);
    }

    static List<RelativeTime> relativeTimes(Article article) {
        JalaliDate ref = reference(article);
        List<RelativeTime> out = new ArrayList<>();
        for (Sentence s : article.sentences()) {
            if (s.section() == Section.FOOTER) continue; // boilerplate: its "today" is not the article's
            for (RelativeTimeExtractor.RelativeMatch r : RelativeTimeExtractor.extract(s.text(), ref)) {
                out.add(new RelativeTime(r.text(), r.unit().name().toLowerCase(Locale.ROOT), r.resolved(),
                        r.fromIso() == null ? null : r.fromIso().toString(),
                        r.toIso() == null ? null : r.toIso().toString(), section(s), s.index()));
            }
        }
        return out;
    }

    /** Relative words are read against the publication date; without one, nothing is resolved. */
    private static JalaliDate reference(Article article) {
        return article.meta().published();
    }

    private static String section(Sentence s) {
        return s.section().name().toLowerCase(Locale.ROOT);
    }

    private static Set<String> compact(Set<String> keys) {
        Set<String> out = new HashSet<>();
        for (String k : keys) out.add(k.replace(" ", ""));
        return Set.copyOf(out);
    }
}
