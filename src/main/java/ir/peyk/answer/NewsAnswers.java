package ir.peyk.answer;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleMeta;
import ir.peyk.article.Section;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Questions about the news item itself — its headline, wire agency, outlet, publication date and time — answered from
 * the article's header ({@link ArticleMeta}) with the line that carries the fact as evidence. A question is one of
 * these when every content word it has is a word of news-fields.txt ("نام خبرگزاری چیست", "این خبر در چه ساعتی
 * منتشر شد", "تیتر خبر چیه"); a question with any other content word asks about the story and goes to the ranker.
 */
final class NewsAnswers {
    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\\R");
    /** The header field a question asks for. */
    enum Field { TITLE, AGENCY, SOURCE, TIME, DATE }

    private final Article article;
    private final ArticleIndex index;

    NewsAnswers(Article article, ArticleIndex index) {
        this.article = article;
        this.index = index;
    }

    /**
     * The field asked for, or null when the question has a content word that is no news word (question words,
     * cue words and function words aside), or names no field and its type does not imply one.
     */
    static Field field(String[] w, boolean[] used, AnswerType type) {
        boolean title = false, agency = false, source = false, time = false, date = false, news = false;
        for (int i = 0; i < w.length; i++) {
            String f = newsWord(w[i]);
            if (f == null) {
                if (used[i] || Lang.isFunctionWord(w[i]) || Lang.REPORTING_WORDS.contains(w[i])) continue;
                return null;                              // a word of the story: not about the news item
            }
            switch (f) {
                case "title" -> title = true;
                case "agency" -> agency = true;
                case "source" -> source = true;
                case "time" -> time = true;
                case "date" -> date = true;
                case "-" -> news = true;
                default -> { }
            }
        }
        if (title) return Field.TITLE;
        if (agency) return Field.AGENCY;
        if (source) return Field.SOURCE;
        if (!news) return type == AnswerType.SOURCE ? Field.SOURCE : type == AnswerType.PUBLISHED ? Field.DATE : null;
        if (time && !date) return Field.TIME;
        if (date || type == AnswerType.DATE || type == AnswerType.PUBLISHED) return Field.DATE;
        return switch (type) {
            case SOURCE, WHICH, PERSON, SPEAKER -> Field.SOURCE;
            case DEFINITION, UNKNOWN -> Field.TITLE;      // "این خبر درباره چیست": its headline
            default -> null;
        };
    }

    /** The field of a news word, itself or with a suffix or spoken copula (خبرگزاریه، تیترش); null for other words. */
    private static String newsWord(String w) {
        String f = Lang.NEWS_FIELDS.get(w);
        if (f != null || w.length() < 2 || !NEWS_STARTS.contains(start(w))) return f;   // most words: two lookups
        for (String suffix : Lang.SUFFIXES) {
            if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
                f = Lang.NEWS_FIELDS.get(w.substring(0, w.length() - suffix.length()));
                if (f != null) return f;
            }
        }
        if (w.length() > 3 && w.endsWith("ه")) return Lang.NEWS_FIELDS.get(w.substring(0, w.length() - 1));
        return null;
    }

    /** The first two letters of every news word, packed: a word starting otherwise is none (no suffix can help). */
    private static final java.util.Set<Integer> NEWS_STARTS = starts();

    private static java.util.Set<Integer> starts() {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (String w : Lang.NEWS_FIELDS.keySet()) if (w.length() >= 2) out.add(start(w));
        return java.util.Set.copyOf(out);
    }

    private static int start(String w) {
        return w.charAt(0) << 16 | w.charAt(1);
    }

    Optional<Answer> answer(Question q) {
        return switch (q.news()) {
            case TITLE -> title(q);
            case AGENCY -> source(q, true);
            case SOURCE -> source(q, false);
            case TIME -> published(q, true);
            case DATE -> published(q, false);
        };
    }

    private Optional<Answer> title(Question q) {
        String t = article.meta().title() != null ? article.meta().title() : article.title();
        if (t == null || t.isBlank()) return Optional.empty();
        int at = -1;
        for (Doc d : index.docs) if (d.section() == Section.TITLE) { at = d.index(); break; }
        return Optional.of(new Answer(q.raw(), true, t, List.of(new Evidence(at, t)), 0.95));
    }

    /** The outlet (or the wire agency when asked), with the footer's credit line or the body's credit as evidence. */
    private Optional<Answer> source(Question q, boolean agencyAsked) {
        ArticleMeta m = article.meta();
        String name = agencyAsked && m.agency() != null ? m.agency() : m.outlet() != null ? m.outlet() : m.agency();
        if (name == null) return Optional.empty();
        String nameKey = PersianText.key(name);
        List<Evidence> ev = new ArrayList<>();
        for (Doc d : index.docs) {
            if (d.section() == Section.FOOTER && d.sentence.key().contains(nameKey)) { ev.add(Ctx.evidence(d)); break; }
        }
        if (ev.isEmpty() && name.equals(m.agency())) {
            for (Doc d : index.docs) {                   // "به گزارش خبرگزاری مهر، …" stays in the sentence
                if (d.section() == Section.BODY && d.sentence.key().contains(nameKey)) { ev.add(Ctx.evidence(d)); break; }
            }
            String line = ev.isEmpty() ? rawLineStartingWith(name) : null;   // "ایسنا: …" was cut from it
            if (line != null) ev.add(new Evidence(firstBodyIndex(), line));
        }
        if (ev.isEmpty() && name.equals(m.outlet()) && datelineText() != null) ev.add(new Evidence(-1, datelineText()));
        String text = name;
        if (!agencyAsked && m.agency() != null && !m.agency().equals(name)) text += " (به نقل از " + m.agency() + ")";
        if (!ev.isEmpty()) text += " — «" + ev.get(0).text() + "»";
        return Optional.of(new Answer(q.raw(), true, text, ev, ev.isEmpty() ? 0.8 : 0.95));
    }

    /**
     * The publication date (and time) from the dateline (evidence index −1: the dateline is not a sentence). A question
     * for the time alone is declined when the dateline gives no time.
     */
    private Optional<Answer> published(Question q, boolean timeAsked) {
        ArticleMeta m = article.meta();
        if (timeAsked && m.time() == null || m.published() == null && m.time() == null) return Optional.empty();
        String date = m.published() == null ? null : m.published().day() + " " + m.published().monthName() + " "
                + m.published().year() + " (" + m.publishedIso() + ")";
        String text = timeAsked ? "ساعت " + m.time() + (date == null ? "" : "، " + date)
                : date == null ? "ساعت " + m.time() : date + (m.time() == null ? "" : "، ساعت " + m.time());
        String dateline = datelineText();
        String answer = dateline == null ? text : text + " — «" + dateline + "»";
        return Optional.of(new Answer(q.raw(), true, answer, List.of(new Evidence(-1, dateline == null ? text : dateline)), 0.95));
    }

    private int firstBodyIndex() {
        for (Doc d : index.docs) if (d.section() == Section.BODY) return d.index();
        return 0;
    }

    private String rawLineStartingWith(String prefix) {
        for (String line : LINE_BREAK.split(article.raw())) {
            String t = line.strip();
            if (t.startsWith(prefix) && t.length() > prefix.length()) return t;
        }
        return null;
    }

    private String datelineText() {
        String outlet = article.meta().outlet();
        for (String line : LINE_BREAK.split(article.raw())) {
            String t = line.strip();
            if (outlet != null && t.startsWith(outlet) && !t.equals(article.title())) return t;
        }
        return null;
    }
}
