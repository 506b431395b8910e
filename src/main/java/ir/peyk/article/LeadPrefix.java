package ir.peyk.article;

import ir.peyk.text.KeyedText;
import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a wire story puts in front of its lead — {@code تهران- ایرنا-}, {@code خبرگزاری مهر - گروه اقتصادی:},
 * {@code گروه اقتصادی ــ}, {@code به گزارش خبرنگار اقتصادی ایرنا،}, {@code بوشهر-} — taken off the lead and kept as
 * metadata, so that it shows in neither answers nor summaries.
 *
 * <p>An opener that names something other than a news source ({@code به گزارش مرکز آمار،}) is the sentence's own
 * attribution: it stays, and only its name is noted as the agency.
 *
 * @param text    the lead without its prefixes
 * @param agency  the wire agency's name (generic words such as خبرگزاری dropped), or null
 * @param service the desk or service («گروه اقتصادی»), or null
 * @param place   the place of a wire dateline («تهران»), or null
 */
public record LeadPrefix(String text, String agency, String service, String place) {
    private static final String DASH = "[\\-–—ـ]+";
    private static final String WORD = "[^\\s\\-–—ـ:،,.؛«»\"()]{2,25}";
    /** "PLACE - AGENCY -": a wire dateline. */
    private static final Pattern PLACE_AGENCY = Pattern.compile(
            "^(" + WORD + "(?:\\s" + WORD + ")?)\\s*" + DASH + "\\s*(" + WORD + "(?:\\s" + WORD + "){0,3})\\s*" + DASH + "\\s*");
    /** "AGENCY:" or "AGENCY - SERVICE:" (one to four words, then perhaps a desk). */
    private static final Pattern AGENCY_COLON = Pattern.compile("^(" + WORD + "(?:\\s" + WORD + "){0,3})"
            + "(?:\\s*(?:" + DASH + "|[،,])\\s*((?:گروه|سرویس|بخش)\\s" + WORD + "(?:\\s" + WORD + "){0,2}))?\\s*:\\s+");
    /** "گروه اقتصادی ــ" / "سرویس سیاسی:": the desk alone. */
    private static final Pattern SERVICE = Pattern.compile(
            "^((?:گروه|سرویس|بخش)\\s" + WORD + "(?:\\s" + WORD + "){0,2})\\s*(?:" + DASH + "|:)\\s*");
    /** "PLACE- ": a place before a dash and a space; a hyphenated name (قزوین-کرج) has no space. */
    private static final Pattern PLACE = Pattern.compile("^(" + WORD + "(?:\\s" + WORD + ")?)\\s*" + DASH + "\\s+");
    private static final Pattern REPORT = Pattern.compile("^(?:" + String.join("|", Lexicon.lines("agency-openers.txt")
            .stream().map(PersianText::key).sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).toList()) + ")\\s+([^،,:]{2,80}?)\\s*[،,]\\s*");
    /** "X و به نقل از Y", "X به نقل از Y": the outlet that reports and the source it quotes. */
    private static final Pattern CHAIN = Pattern.compile("\\s+(?:و\\s+)?(?:" + String.join("|", Lexicon.lines("agency-openers.txt")
            .stream().map(PersianText::key).map(Pattern::quote).toList()) + ")\\s+");

    private static final Pattern TATWEEL_DASH = Pattern.compile("(?<=\\s)\u0640+(?=\\s)");
    private static final Set<String> KNOWN = Lexicon.keySet("agencies.txt");
    private static final List<String> GENERIC = Lexicon.lines("agency-generic.txt").stream()
            .map(PersianText::key).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final Set<String> NOT_NAME = union(Lexicon.keySet("stopwords.txt"),
            Lexicon.keySet("keyword-boilerplate.txt"));
    /** A prefix must leave a lead behind: at least this many characters. */
    private static final int MIN_REST = 12;

    /** Takes the prefixes off {@code lead}; {@code outlet} (the dateline's, may be null) also counts as a news source. */
    public static LeadPrefix of(String lead, String outlet) {
        return of(lead, outlet, false);
    }

    /**
     * @param strict for a paragraph after the lead: only a prefix that names a news source or a desk is taken (a name
     *               and a colon there is more likely a quote)
     */
    public static LeadPrefix of(String lead, String outlet, boolean strict) {
        String text = lead;
        String agency = null;
        String service = null;
        String place = null;
        String outletKey = outlet == null ? null : PersianText.key(outlet);
        for (int round = 0; round < 4; round++) {
            KeyedText kt = KeyedText.of(dashes(text));
            String k = kt.key();
            Matcher m;
            int cut = -1;
            if (place == null && agency == null && (m = PLACE_AGENCY.matcher(k)).find()
                    && isSource(m.group(2), outletKey) && isName(m.group(1))) {
                place = kt.originalSpan(m.start(1), m.end(1)).strip();
                agency = name(kt.originalSpan(m.start(2), m.end(2)));
                cut = m.end();
            } else if (agency == null && (m = AGENCY_COLON.matcher(k)).find() && isName(m.group(1))
                    && (!strict || isSource(m.group(1), outletKey))
                    && !k.startsWith("گروه ") && !k.startsWith("سرویس ")) {
                agency = name(kt.originalSpan(m.start(1), m.end(1)));
                if (m.group(2) != null) service = kt.originalSpan(m.start(2), m.end(2)).strip();
                cut = m.end();
            } else if (service == null && (m = SERVICE.matcher(k)).find()) {
                service = kt.originalSpan(m.start(1), m.end(1)).strip();
                cut = m.end();
            } else if ((m = REPORT.matcher(k)).find()) {
                String named = kt.originalSpan(m.start(1), m.end(1));
                Matcher chain = CHAIN.matcher(m.group(1));
                int lastStart = m.start(1);
                while (chain.find()) lastStart = m.start(1) + chain.end();
                boolean self = lastStart == m.start(1) && isSelf(name(named), outlet);
                // The outlet reporting itself («به گزارش ایسنا،» in an ISNA story) is the wire's prefix: it goes, and
                // names no other agency. Any other source is the sentence's attribution: it stays, noted as the agency.
                if (self) {
                    cut = m.end();
                } else {
                    if (agency == null) agency = name(kt.originalSpan(lastStart, m.end(1)));
                    break;
                }
            } else if (round == 0 && !strict && (m = PLACE.matcher(k)).find() && isName(m.group(1))) {
                place = kt.originalSpan(m.start(1), m.end(1)).strip();
                cut = m.end();
            }
            if (cut < 0) break;
            String rest = text.substring(kt.originalStart(cut));
            if (rest.strip().length() < MIN_REST) break; // the "prefix" was the sentence
            text = rest.strip();
        }
        return new LeadPrefix(text, agency, service, place);
    }

    /**
     * The text with a free-standing run of kashida («گروه اقتصادی ــ») written as hyphens, same length: key space drops
     * kashida, and this one is a dash.
     */
    private static String dashes(String s) {
        return TATWEEL_DASH.matcher(s).replaceAll(r -> "-".repeat(r.group().length()));
    }

    /** «خبرنگار ما», «خبرنگار خبرگزاری تسنیم» in a Tasnim story: the outlet itself. */
    private static boolean isSelf(String name, String outlet) {
        String n = PersianText.key(name);
        if (n.isEmpty() || n.equals("ما")) return true;
        return outlet != null && n.equals(PersianText.key(name(outlet)));
    }

    /** A news source: a known agency, the dateline's outlet, or a name led by a generic word (خبرگزاری …, خبرنگار …). */
    static boolean isSource(String keyName, String outletKey) {
        String n = keyName.strip();
        if (n.isEmpty()) return false;
        if (KNOWN.contains(n) || n.equals(outletKey)) return true;
        for (String g : GENERIC) {
            if (n.equals(g) || n.startsWith(g + " ")) return !g.equals("گروه") || n.split(" ").length <= 4;
        }
        return false;
    }

    /** A name: no function word or reporting verb in it ("وزیر نفت گفت:" is a quote, not an agency). */
    private static boolean isName(String keyWords) {
        for (String w : keyWords.split(" ")) if (NOT_NAME.contains(w) && !GENERIC.contains(w)) return false;
        return true;
    }

    /** The agency's own name: generic words in front (خبرگزاری, خبرنگار اقتصادی …) are dropped, the spelling kept. */
    static String name(String raw) {
        KeyedText kt = KeyedText.of(raw.strip());
        String k = kt.key();
        int start = 0;
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (String g : GENERIC) {
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
}
