package ir.peyk.article;

import ir.peyk.text.JalaliDate;
import ir.peyk.text.KeyedText;
import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a news text of the usual aggregator shape into an {@link Article}:
 * <pre>
 *   [page date: weekday day month year]      optional
 *   [Gregorian page date in English]         optional
 *   title
 *   [dateline: outlet weekday day month year - HH:mm]
 *   body paragraphs (the first may open with a wire agency: "AGENCY:" or "به گزارش AGENCY،")
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
    private static final Set<String> NOT_AGENCY = union(Lexicon.keySet("stopwords.txt"),
            Lexicon.keySet("keyword-boilerplate.txt"));
    private static final List<String> AGENCY_GENERIC = Lexicon.lines("agency-generic.txt").stream()
            .map(PersianText::key).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    /** What may follow the date in a dateline: separators and a time ("- 00:09"), in key space. */
    private static final Pattern DATELINE_TAIL = Pattern.compile("[\\s\\-–|،,]*(?:ساعت\\s*)?(\\d{1,2}:\\d{2})?[\\s\\-–|،,]*");
    /** "AGENCY:" opening a paragraph: one to three words, no digits. */
    private static final Pattern AGENCY_COLON = Pattern.compile("^([^\\s:،,\\d]+(?:\\s[^\\s:،,\\d]+){0,2})\\s*:\\s+");
    /** "به گزارش AGENCY،" and the other openers of agency-openers.txt, in key space. */
    private static final Pattern AGENCY_REPORT = Pattern.compile("^(?:" + String.join("|", Lexicon.lines("agency-openers.txt")
            .stream().map(PersianText::key).map(Pattern::quote).toList()) + ")\\s+([^،,:]{2,60}?)\\s*[،,]\\s*");

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
        String title = lines.get(i++);

        String outlet = null;
        JalaliDate published = null;
        String time = null;
        if (i < lines.size()) {
            Dateline d = dateline(lines.get(i));
            if (d != null) {
                outlet = d.outlet;
                published = d.date;
                time = d.time;
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

        String agency = null;
        String first = bodyLines.get(0);
        Matcher m = AGENCY_COLON.matcher(first);
        if (m.find() && !first.substring(m.end()).isBlank() && isAgencyName(m.group(1))) {
            agency = agencyName(m.group(1));
            bodyLines.set(0, first.substring(m.end()));
        } else {
            KeyedText kt = KeyedText.of(first);
            Matcher r = AGENCY_REPORT.matcher(kt.key());
            if (r.find()) agency = agencyName(kt.originalSpan(r.start(1), r.end(1)));
        }

        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(0, 0, Section.TITLE, title, PersianText.key(title)));
        addParagraphs(sentences, bodyLines, Section.BODY);
        addParagraphs(sentences, footerLines, Section.FOOTER);

        ArticleMeta meta = new ArticleMeta(title, outlet, agency, published,
                published == null ? null : published.toGregorian(), time,
                pageDate, pageDate == null ? null : pageDate.toGregorian());
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

    private record Dateline(String outlet, JalaliDate date, String time) {}

    /**
     * "OUTLET [weekday] day month year [- HH:mm]": the outlet (up to six words) is what stands before the weekday or
     * date; nothing but a time may follow the date.
     */
    static Dateline dateline(String line) {
        if (PersianText.keyWords(line).size() > 16) return null;
        DateExtractor.DateMatch d = DateExtractor.extract(line, null).stream()
                .filter(x -> x.calendar().equals("jalali")).findFirst().orElse(null);
        if (d == null) return null;
        // After the date only a time may follow; a body sentence that mentions a date is not a dateline.
        Matcher after = DATELINE_TAIL.matcher(PersianText.key(line.substring(d.end())));
        if (!after.matches()) return null;
        KeyedText before = KeyedText.of(line.substring(0, d.start()));
        String k = before.key();
        int end = k.length();
        // Strip separators, then a trailing weekday (one or two words), then separators again.
        end = trimSeparators(k, end);
        for (String wd : WEEKDAYS) {
            if (k.substring(0, end).equals(wd) || k.substring(0, end).endsWith(" " + wd)) {
                end = trimSeparators(k, end - wd.length());
                break;
            }
        }
        String outlet = end == 0 ? null : before.originalSpan(0, end).strip();
        if (outlet != null && PersianText.keyWords(outlet).size() > 6) return null;
        return new Dateline(outlet, d.jalali(), after.group(1));
    }

    private static int trimSeparators(String k, int end) {
        while (end > 0 && " -–|،,:".indexOf(k.charAt(end - 1)) >= 0) end--;
        return end;
    }

    /** A wire agency name is a name: no function word or reporting verb in it ("وزیر نفت گفت:" is a quote, not an agency). */
    private static boolean isAgencyName(String candidate) {
        for (String w : PersianText.keyWords(candidate)) if (NOT_AGENCY.contains(w)) return false;
        return true;
    }

    /** The agency's own name: generic words in front (خبرگزاری, خبرنگار اقتصادی …) are dropped, the spelling kept. */
    static String agencyName(String raw) {
        KeyedText kt = KeyedText.of(raw.strip());
        String k = kt.key();
        int start = 0;
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (String g : AGENCY_GENERIC) {
                if (k.startsWith(g + " ", start)) {
                    start += g.length() + 1;
                    dropped = true;
                    break;
                }
            }
        }
        return kt.originalSpan(start, k.length()).strip();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
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
