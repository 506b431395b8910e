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
import java.time.LocalDate;
import java.util.ArrayList;
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
    private static final String MONTHS = String.join("|", JalaliDate.MONTHS.stream().map(PersianText::key).toList())
            + "|امرداد";
    /** day month year, in key space (ASCII digits). */
    private static final Pattern JALALI = Pattern.compile("(\\d{1,2})\\s*(" + MONTHS + ")(?:\\s*ماه)?\\s+(\\d{4})");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)(\\d{1,2}:\\d{2})(?!\\d)");
    private static final Pattern ENGLISH_DATE = Pattern.compile(
            "^[a-z]+,?\\s+\\d{1,2}\\s+[a-z]+,?\\s+\\d{4}$|^[a-z]+,?\\s+[a-z]+\\s+\\d{1,2},?\\s+\\d{4}$");
    /** "AGENCY:" opening a paragraph: one to three words, no digits. */
    private static final Pattern AGENCY_COLON = Pattern.compile("^([^\\s:،,\\d]+(?:\\s[^\\s:،,\\d]+){0,2})\\s*:\\s+");
    private static final Pattern AGENCY_REPORT = Pattern.compile("^به گزارش\\s+([^،,]{2,60}?)\\s*[،,]\\s*");

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
        if (i < lines.size() && isPageDate(lines.get(i))) {
            pageDate = jalali(PersianText.key(lines.get(i)));
            i++;
            if (i < lines.size() && ENGLISH_DATE.matcher(PersianText.key(lines.get(i))).find()) i++;
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
        if (m.find() && !first.substring(m.end()).isBlank()) {
            agency = m.group(1).strip();
            bodyLines.set(0, first.substring(m.end()));
        } else if ((m = AGENCY_REPORT.matcher(first)).find()) {
            agency = m.group(1).strip();
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

    /** A line that holds only an optional weekday and a Jalali date. */
    static boolean isPageDate(String line) {
        String k = PersianText.key(line);
        Matcher m = JALALI.matcher(k);
        if (!m.find()) return false;
        String rest = (k.substring(0, m.start()) + " " + k.substring(m.end())).replaceAll("[\\s,،\\-–]+", " ").strip();
        return rest.isEmpty() || WEEKDAYS.contains(rest);
    }

    private record Dateline(String outlet, JalaliDate date, String time) {}

    /** "OUTLET [weekday] day month year [- HH:mm]", short; the outlet is what stands before the weekday or date. */
    static Dateline dateline(String line) {
        String k = PersianText.key(line);
        Matcher m = JALALI.matcher(k);
        if (!m.find() || PersianText.words(k).size() > 16) return null;
        JalaliDate date = jalali(k);
        String before = k.substring(0, m.start()).strip();
        // Strip a trailing weekday (one or two words) from the outlet part.
        for (String wd : WEEKDAYS) {
            if (before.endsWith(" " + wd) || before.equals(wd)) {
                before = before.substring(0, before.length() - wd.length()).strip();
                break;
            }
        }
        before = before.replaceAll("[\\s\\-–|،,]+$", "").strip();
        String outlet = before.isEmpty() ? null : displayPrefix(line, before);
        Matcher t = TIME.matcher(k.substring(m.end()));
        return new Dateline(outlet, date, t.find() ? t.group(1) : null);
    }

    /** The original-text prefix of {@code line} whose key is {@code keyPrefix} (so the outlet keeps its spelling). */
    private static String displayPrefix(String line, String keyPrefix) {
        for (int end = 1; end <= line.length(); end++) {
            if (PersianText.key(line.substring(0, end)).equals(keyPrefix)) return line.substring(0, end).strip();
        }
        return keyPrefix;
    }

    private static JalaliDate jalali(String key) {
        Matcher m = JALALI.matcher(key);
        if (!m.find()) return null;
        try {
            return new JalaliDate(Integer.parseInt(m.group(3)), JalaliDate.monthOf(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
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

    /** Convenience for callers that know the date fields may be absent. */
    public static LocalDate gregorianOrNull(JalaliDate d) {
        return d == null ? null : d.toGregorian();
    }
}
