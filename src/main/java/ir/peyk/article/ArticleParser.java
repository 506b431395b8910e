package ir.peyk.article;

import ir.peyk.text.JalaliDate;
import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a news text of the usual aggregator shape into an {@link Article}:
 * <pre>
 *   [page date: weekday day month year]      optional
 *   [Gregorian page date in English]         optional
 *   [kicker: a short line ending in ":"]      optional
 *   title                                    optional: without one, the lead's first sentence is the headline
 *   [dateline: OUTLET[، DATE][ - HH:mm]]     any form {@link Dateline} reads, the outlet alone included
 *   [author line: «نویسنده: …»]               optional
 *   body paragraphs (the first may open with wire prefixes: {@link LeadPrefix})
 *   [footer: source credit, "(ادامه)", legal notice …]
 * </pre>
 * Every pattern here is about the <em>shape</em> of a news page; the words that mark a footer, the weekdays and the
 * abbreviations are data files under {@code /peyk/lang/}.
 */
public final class ArticleParser {
    /** Inputs larger than this are refused: a news article is a few KiB. */
    public static final int MAX_BYTES = 1 << 20;

    private static final List<Pattern> FOOTER = Lexicon.lines("footer-markers.txt").stream()
            .map(Pattern::compile).toList();
    private static final Set<String> WEEKDAYS = Lexicon.keySet("weekdays.txt");
    /** A headline is at most this many words; a longer first line is the body's first paragraph. */
    static final int HEADLINE_WORDS = 30;
    static final int KICKER_WORDS = 8;
    private static final Set<String> REPORTING = Lexicon.keySet("keyword-boilerplate.txt");
    /** An author line under the dateline: «نویسنده: نام», «به قلم نام» (a name of at most five words). */
    private static final Pattern AUTHOR = Pattern.compile(
            "^(?:(?:نویسنده|نویسندگان|گزارش از|خبرنگار|گزارشگر)\\s*[:：]|به قلم)\\s*([^\\d.،,:!?؟]{2,60})$");

    private ArticleParser() {}

    /** Decodes, validates and parses raw bytes. Refuses empty, binary, non-UTF-8, oversized and body-less input. */
    public static Article parse(byte[] bytes) throws ArticleException {
        if (bytes.length == 0) throw new ArticleException("the file is empty");
        if (bytes.length > MAX_BYTES) {
            throw new ArticleException("the file is " + bytes.length + " bytes; articles over " + MAX_BYTES
                    + " bytes (1 MiB) are refused");
        }
        for (byte b : bytes) if (b == 0) throw new ArticleException("the file is binary (it contains NUL bytes), not text");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ArticleException("the file is not UTF-8 text; save it as UTF-8 and try again");
        }
        return parse(text);
    }

    public static Article parse(String raw) throws ArticleException {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        long controls = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').count();
        if (controls > 0 && controls * 20 > text.length()) throw new ArticleException("the file is binary, not text");
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\\R")) {
            String t = l.replace('\u00A0', ' ').strip();
            if (!t.isEmpty() && t.chars().anyMatch(Character::isLetterOrDigit)) lines.add(t);
        }
        if (lines.isEmpty()) throw new ArticleException("the file has no text");

        int i = 0;
        JalaliDate pageDate = null;
        // Page-date lines: a date alone on a line (with its weekday), in one calendar or both, before the title.
        while (i < lines.size() - 1) {
            DateExtractor.DateMatch d = dateOnly(lines.get(i));
            if (d == null) break;
            if (pageDate == null) pageDate = d.jalali();
            i++;
        }
        if (i >= lines.size()) throw new ArticleException("the file has no title or body text");
        // A kicker (روتیتر) above the headline: a short line ending in a colon, with a headline under it.
        String kicker = null;
        if (i + 2 < lines.size() && isKicker(lines.get(i)) && !isBodyLine(lines.get(i + 1))) kicker = lines.get(i++);
        // The headline, unless the text opens with its dateline or with the body itself.
        String title = null;
        Dateline dateline = null;
        String first = lines.get(i);
        Optional<Dateline> opening = i + 1 < lines.size() ? Dateline.parse(first) : Optional.empty();
        if (opening.isPresent() && opening.get().date() != null && opening.get().setApart()) {
            dateline = opening.get();
            i++;
        } else if (isBodyLine(first)) {
            // no headline: it falls back to the lead's first sentence below
        } else {
            title = first;
            i++;
            // An outlet alone is a dateline only above a body; a line with a date is one wherever it stands.
            boolean bodyBelow = i + 1 < lines.size();
            dateline = i < lines.size() ? Dateline.parse(lines.get(i))
                    .filter(d -> d.dateText() != null || bodyBelow).orElse(null) : null;
            if (dateline != null) i++;
        }
        String author = null;
        if (i + 1 < lines.size()) {
            Matcher a = AUTHOR.matcher(lines.get(i));
            if (a.matches()) {
                author = a.group(1).strip();
                i++;
            }
        }

        List<String> bodyLines = new ArrayList<>();
        List<String> footerLines = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (footerLines.isEmpty() && !isFooter(line)) bodyLines.add(line);
            else footerLines.add(line);
        }
        if (bodyLines.isEmpty()) throw new ArticleException("the file has no body text (only a title, dates or boilerplate)");

        String outlet = dateline == null ? null : dateline.outlet();
        LeadPrefix lead = LeadPrefix.of(bodyLines.get(0), outlet, false);
        bodyLines.set(0, lead.text());
        if (bodyLines.size() > 1 && lead.agency() == null && lead.service() == null && lead.place() == null) {
            // A page's summary often stands above the wire's first paragraph, which then carries the prefix.
            LeadPrefix second = LeadPrefix.of(bodyLines.get(1), outlet, true);
            bodyLines.set(1, second.text());
            lead = new LeadPrefix(lead.text(), second.agency(), second.service(), second.place());
        }
        if (title == null) title = SentenceSplitter.split(lead.text()).stream().findFirst().orElse(lead.text());
        JalaliDate published = dateline == null ? null : dateline.dateWith(pageDate);
        DayMonth dayMonth = dateline != null && published == null ? dateline.dayMonth() : null;
        String time = dateline == null ? null : dateline.time();

        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(0, 0, Section.TITLE, title, PersianText.key(title)));
        addParagraphs(sentences, bodyLines, Section.BODY);
        addParagraphs(sentences, footerLines, Section.FOOTER);

        ArticleMeta meta = new ArticleMeta(title, outlet, lead.agency(), published,
                published == null ? null : published.toGregorian(), time,
                pageDate, pageDate == null ? null : pageDate.toGregorian(), lead.service(), lead.place(), author, dayMonth,
                kicker == null ? null : kicker.substring(0, kicker.length() - 1).strip());
        return new Article(contentId(text), meta, sentences, text);
    }

    private static void addParagraphs(List<Sentence> out, List<String> paragraphs, Section section) {
        for (int p = 0; p < paragraphs.size(); p++) {
            for (String s : SentenceSplitter.split(paragraphs.get(p))) {
                out.add(new Sentence(out.size(), p, section, s, PersianText.key(s)));
            }
        }
    }

    static boolean isFooter(String line) {
        String k = PersianText.key(line);
        for (Pattern p : FOOTER) if (p.matcher(k).find()) return true;
        return false;
    }

    /** The date of a line that holds only a date and perhaps its weekday ("شنبه 13 دی 1404", "Saturday, 03 January 2026"). */
    static DateExtractor.DateMatch dateOnly(String line) {
        List<DateExtractor.DateMatch> dates = DateExtractor.extract(line, null);
        if (dates.size() != 1) return null;
        DateExtractor.DateMatch d = dates.get(0);
        String rest = PersianText.key(line.substring(0, d.start()) + " " + line.substring(d.end()))
                .replaceAll("[\\s,،\\-–|]+", " ").strip();
        return rest.isEmpty() || WEEKDAYS.contains(rest) ? d : null;
    }

    /** «رئیس مرکز ملی فرش:» above a headline: at most {@link #KICKER_WORDS} words, no reporting verb, a colon last. */
    static boolean isKicker(String line) {
        String t = line.strip();
        if (!(t.endsWith(":") || t.endsWith("："))) return false;
        List<String> words = PersianText.keyWords(t);
        // «وزیر نفت گفت:» opens a quote; a kicker names, it does not report.
        return words.size() <= KICKER_WORDS && words.stream().noneMatch(REPORTING::contains);
    }

    /**
     * A first line that is the body, not a headline: a long paragraph, or several sentences (a headline is one short
     * sentence).
     */
    static boolean isBodyLine(String line) {
        int words = PersianText.keyWords(line).size();
        return words > HEADLINE_WORDS || (words > HEADLINE_WORDS * 2 / 3 && SentenceSplitter.split(line).size() > 1);
    }

    /** Content hash: the same text (whatever its line endings) always gets the same id. */
    static String contentId(String text) {
        String canonical = String.join("\n", text.strip().split("\\R"));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
