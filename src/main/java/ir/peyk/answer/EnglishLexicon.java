package ir.peyk.answer;

import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word lists {@link EnglishQuestions} reads, loaded once: English question phrases (english-questions.txt), the
 * English → Persian news glossary (glossary-en.txt), English stopwords and Finglish words; and the question's tokens.
 */
final class EnglishLexicon {
    /** An English question phrase, and the Persian said in its place ({@code before}) and after the rest ({@code after}). */
    record Cue(String[] words, boolean atStart, String before, String after) {}

    /** A glossary entry: the Persian alternatives, and what kind of word the English is (its place in Persian). */
    record Gloss(List<String> persian, Kind kind) {}

    /** What each question word became: a noun, a name, an adjective, a verb (said last), or other (a preposition …). */
    enum Kind { OTHER, ADJ, NOUN, NAME, VERB }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.,/][\\p{L}\\p{N}]+)*");
    static final List<Cue> CUES = cues();
    static final Set<String> CUE_WORDS = cueWords();
    static final Map<String, Gloss> GLOSSARY = glossary();
    static final int GLOSSARY_MAX_WORDS = GLOSSARY.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    static final Set<String> GLOSSARY_PERSIAN = glossaryPersian();
    static final Map<String, String> ENGLISH_OF = englishOf();
    static final Set<String> STOPWORDS = Lexicon.keySet("english-stopwords.txt");
    static final Map<String, String> FINGLISH = pairs("finglish.txt");
    static final Set<String> QUESTION_WORDS = questionWords();

    private EnglishLexicon() {}

    /** The glossary's Persian for an English phrase, its last word also tried without plural, -ed, -ing; or null. */
    static Gloss glossary(String phrase) {
        Gloss direct = GLOSSARY.get(phrase);
        if (direct != null) return direct;
        int sp = phrase.lastIndexOf(' ');
        String head = sp < 0 ? "" : phrase.substring(0, sp + 1);
        for (String lemma : lemmas(phrase.substring(sp + 1))) {
            Gloss g = GLOSSARY.get(head + lemma);
            if (g != null) return g;
        }
        return null;
    }

    private static List<String> lemmas(String w) {
        List<String> out = new ArrayList<>();
        if (w.length() <= 3) return out;
        if (w.endsWith("ies")) out.add(w.substring(0, w.length() - 3) + "y");
        if (w.endsWith("es")) out.add(w.substring(0, w.length() - 2));
        if (w.endsWith("s")) out.add(w.substring(0, w.length() - 1));
        if (w.endsWith("ed")) { out.add(w.substring(0, w.length() - 2)); out.add(w.substring(0, w.length() - 1)); }
        if (w.endsWith("ing")) { out.add(w.substring(0, w.length() - 3)); out.add(w.substring(0, w.length() - 3) + "e"); }
        if (w.endsWith("ly")) out.add(w.substring(0, w.length() - 2));
        return out;
    }

    /** The question's words, lower case; "rubika's" is rubika, "doesn't" is does and not. */
    static List<String> tokens(String key) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(key.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            String w = m.group();
            if (w.endsWith("'s") && !CUE_WORDS.contains(w)) w = w.substring(0, w.length() - 2);
            if (w.endsWith("n't")) { out.add(w.substring(0, w.length() - 3)); out.add("not"); continue; }
            if (isLatin(w) && w.indexOf('\'') >= 0 && !CUE_WORDS.contains(w)) w = w.replace("'", "");
            out.add(w);
        }
        return out;
    }

    static boolean isLatin(String w) {
        for (int i = 0; i < w.length(); i++) if (w.charAt(i) >= 'a' && w.charAt(i) <= 'z') return true;
        return false;
    }

    private static Map<String, Gloss> glossary() {
        Map<String, Gloss> out = new HashMap<>();
        for (String line : Lexicon.lines("glossary-en.txt")) {
            int eq = line.indexOf('=');
            if (eq <= 0) throw new IllegalStateException("glossary-en.txt: no '=' in: " + line);
            List<String> alts = new ArrayList<>();
            for (String a : line.substring(eq + 1).split(",")) if (!a.isBlank()) alts.add(PersianText.key(a.strip()));
            String en = line.substring(0, eq).strip();
            Kind kind = en.endsWith("(adj)") ? Kind.ADJ : en.endsWith("(v)") ? Kind.VERB : en.endsWith("(x)") ? Kind.OTHER : Kind.NOUN;
            if (kind != Kind.NOUN) en = en.substring(0, en.lastIndexOf('('));
            out.putIfAbsent(String.join(" ", tokens(PersianText.key(en))), new Gloss(List.copyOf(alts), kind));
        }
        return Map.copyOf(out);
    }

    /** The first word of each English cue that is no auxiliary ("how", "what" …) and the Finglish question words. */
    private static Set<String> questionWords() {
        Set<String> out = new HashSet<>();
        for (Cue c : CUES) if (!c.atStart() && !STOPWORDS.contains(c.words()[0])) out.add(c.words()[0]);
        FINGLISH.forEach((fin, fa) -> { if (Lang.CUES_BY_FIRST.containsKey(fa) && fin.length() > 2) out.add(fin); });
        return Set.copyOf(out);
    }

    private static Map<String, String> englishOf() {
        Map<String, String> out = new HashMap<>();
        for (String line : Lexicon.lines("glossary-en.txt")) {             // file order: the first entry wins
            int eq = line.indexOf('=');
            String en = line.substring(0, eq).replaceAll("\\((adj|v|x)\\)", "").strip();
            for (String a : line.substring(eq + 1).split(",")) if (!a.isBlank()) out.putIfAbsent(PersianText.key(a.strip()), en);
        }
        return Map.copyOf(out);
    }

    private static Set<String> glossaryPersian() {
        Set<String> out = new HashSet<>();
        for (Gloss g : GLOSSARY.values()) for (String a : g.persian()) out.addAll(List.of(a.split(" ")));
        return Set.copyOf(out);
    }

    private static List<Cue> cues() {
        List<Cue> out = new ArrayList<>();
        for (String line : Lexicon.lines("english-questions.txt")) {
            int eq = line.indexOf('=');
            if (eq <= 0) throw new IllegalStateException("english-questions.txt: no '=' in: " + line);
            String en = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            boolean atStart = en.startsWith("^");
            String fa = line.substring(eq + 1).strip();
            int gap = fa.indexOf('…');                        // before key(): NFKC would make it "..."
            String before = PersianText.key(gap < 0 ? fa : fa.substring(0, gap));
            String after = gap < 0 ? "" : PersianText.key(fa.substring(gap + 1));
            out.add(new Cue((atStart ? en.substring(1) : en).strip().split("\\s+"), atStart, before, after));
        }
        return List.copyOf(out);
    }

    private static Set<String> cueWords() {
        Set<String> out = new HashSet<>();
        for (Cue c : CUES) for (String w : c.words()) if (!w.equals("*")) out.add(w);
        return Set.copyOf(out);
    }

    private static Map<String, String> pairs(String file) {
        Map<String, String> out = new HashMap<>();
        for (String line : Lexicon.lines(file)) {
            int eq = line.indexOf('=');
            if (eq <= 0) throw new IllegalStateException(file + ": no '=' in: " + line);
            out.putIfAbsent(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), PersianText.key(line.substring(eq + 1).strip()));
        }
        return Map.copyOf(out);
    }
}
