package ir.peyk.answer;

import static ir.peyk.answer.EnglishLexicon.CUES;
import static ir.peyk.answer.EnglishLexicon.ENGLISH_OF;
import static ir.peyk.answer.EnglishLexicon.FINGLISH;
import static ir.peyk.answer.EnglishLexicon.GLOSSARY_MAX_WORDS;
import static ir.peyk.answer.EnglishLexicon.GLOSSARY_PERSIAN;
import static ir.peyk.answer.EnglishLexicon.QUESTION_WORDS;
import static ir.peyk.answer.EnglishLexicon.STOPWORDS;
import static ir.peyk.answer.EnglishLexicon.CUE_WORDS;
import static ir.peyk.answer.EnglishLexicon.glossary;
import static ir.peyk.answer.EnglishLexicon.isLatin;
import static ir.peyk.answer.EnglishLexicon.tokens;

import ir.peyk.answer.EnglishLexicon.Cue;
import ir.peyk.answer.EnglishLexicon.Gloss;
import ir.peyk.answer.EnglishLexicon.Kind;

import ir.peyk.article.Article;
import ir.peyk.article.Section;
import ir.peyk.article.Sentence;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Questions typed in Latin letters — English ("How many users does Rubika have?") or Finglish ("rubika chand karbar
 * dare?") — rewritten as the Persian question the engine reads ("چند کاربر روبیکا دارد؟"):
 * <ul>
 *   <li>English question words become a Persian question cue (english-questions.txt: "how many" → چند, "what did X
 *       say" → چه گفت …), Finglish words their Persian (finglish.txt);</li>
 *   <li>English news words become Persian through a general glossary (glossary-en.txt), taking the alternative the
 *       article writes;</li>
 *   <li>any other word — the article's names, Finglish content words — is transliterated and matched against the
 *       article's own vocabulary ({@link Transliteration}); nothing is listed by hand per article.</li>
 * </ul>
 * A word that finds no Persian stays as typed, so the engine sees a term the article lacks and declines.
 * Thread-safe once built (one per article).
 */
public final class EnglishQuestions {
    /** How a question is written. */
    public enum Script { PERSIAN, ENGLISH, FINGLISH }

    private record Word(String word, String letters, int count) {}

    private static final Set<String> AUXILIARIES = Set.of("have", "has", "had");
    private static final Map<String, String> COPULAS = Map.of("is", "است", "are", "هستند", "was", "بود", "were", "بودند");
    private static final int MAX_GAP = 8;
    private static final int MAX_NAME = 30;
    private static final int CACHE_LIMIT = 10_000;

    private final Set<String> vocab;
    /** The article's words that may be a name (no function word, no glossary word), for English. */
    private final List<Word> names;
    /** All the article's content words, for Finglish (its content words are the article's common words too). */
    private final List<Word> words;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public EnglishQuestions(Article article) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (Sentence s : article.sentences()) {
            if (s.section() == Section.FOOTER) continue;
            for (String w : PersianText.words(s.key())) if (w.length() >= 2 && isPersian(w)) count.merge(w, 1, Integer::sum);
        }
        this.vocab = Set.copyOf(count.keySet());
        List<Word> n = new ArrayList<>();
        List<Word> all = new ArrayList<>();
        count.forEach((w, c) -> {
            if (Lang.isFunctionWord(w)) return;
            Word x = new Word(w, Transliteration.letters(w), c);
            all.add(x);
            if (!GLOSSARY_PERSIAN.contains(w)) n.add(x);
        });
        this.names = List.copyOf(n);
        this.words = List.copyOf(all);
    }

    /** Whether {@code text} is Persian, English or Finglish: Latin letters at least as many as others, then by its words. */
    public static Script script(String text) {
        String k = PersianText.key(text == null ? "" : text.length() > 500 ? text.substring(0, 500) : text);
        long latin = 0;
        long other = 0;
        for (int i = 0; i < k.length(); i++) { // one pass, no streams: every message of the bot comes here
            char c = k.charAt(i);
            if (c >= 'a' && c <= 'z') latin++;
            else if (Character.isLetter(c)) other++;
        }
        if (latin == 0 || latin < other) return Script.PERSIAN;
        int english = 0;
        int finglish = 0;
        for (String t : tokens(k)) {
            if (FINGLISH.containsKey(t)) finglish++;
            if (STOPWORDS.contains(t) || CUE_WORDS.contains(t) || glossary(t) != null) english++;
        }
        if (finglish > english) return Script.FINGLISH;
        // a Persian question about a Latin name ("Kubernetes چیست") has no English word
        return english == 0 && other > 0 ? Script.PERSIAN : Script.ENGLISH;
    }

    /** The Persian question for {@code question} when it is written in Latin letters; otherwise the question itself. */
    public String toPersian(String question) {
        if (question == null) return null;
        if (question.length() > QuestionAnalyzer.MAX_CHARS) question = question.substring(0, QuestionAnalyzer.MAX_CHARS);
        Script script = script(question);
        if (script == Script.PERSIAN) return question;
        List<String> t = tokens(PersianText.key(question));
        String[] piece = script == Script.FINGLISH ? finglish(t) : english(t);
        StringBuilder b = new StringBuilder();
        for (String p : piece) if (p != null && !p.isEmpty()) b.append(b.length() == 0 ? "" : " ").append(p);
        return b.length() == 0 ? question : b + "؟";
    }

    /**
     * The English for a Persian word of the glossary ({@code نفر} → people, {@code درصد} → percent): the first entry
     * that gives it; null when the glossary has none.
     */
    public static String english(String persian) {
        return persian == null ? null : ENGLISH_OF.get(PersianText.key(persian));
    }

    /** An English or Finglish question word ("how", "who", "chand", "kiye"). */
    static boolean isQuestionWord(String w) {
        return QUESTION_WORDS.contains(w.toLowerCase(Locale.ROOT));
    }

    /** {@code a} as the answer to {@code asked} (the engine answered its Persian rewrite). */
    static Answer asked(String asked, Answer a) {
        String q = asked.length() > QuestionAnalyzer.MAX_CHARS ? asked.substring(0, QuestionAnalyzer.MAX_CHARS) : asked;
        return new Answer(q, a.answered(), a.answer(), a.evidence(), a.confidence(), a.kind());
    }

    private String[] english(List<String> t) {
        int n = t.size();
        String[] piece = new String[n + 1];                // the last slot: a cue said after the rest
        Kind[] kind = new Kind[n + 1];
        java.util.Arrays.fill(kind, Kind.OTHER);
        boolean[] used = new boolean[n];
        cue(t, used, piece);
        String copula = null;
        for (int i = 0; i < n; i++) {
            if (used[i]) continue;
            String w = t.get(i);
            if (!isLatin(w)) { piece[i] = w; continue; }
            int len = phrase(t, used, i, piece, kind, 2);
            if (len > 0) { i += len - 1; continue; }
            if (COPULAS.containsKey(w) && copula == null) copula = COPULAS.get(w);
            if (STOPWORDS.contains(w) || auxiliary(t, i)) continue;
            if (phrase(t, used, i, piece, kind, 1) > 0) continue;
            String name = transliterate(w, names);
            piece[i] = name != null ? name : w;
            if (name != null) kind[i] = Kind.NAME;
        }
        // "how many … is/are …" with no verb and nothing said after: Persian ends the question with its copula
        boolean verb = false;
        for (Kind k : kind) verb |= k == Kind.VERB;
        if (copula != null && !verb && piece[n] == null) piece[n] = copula;
        return verbLast(nounFirst(piece, kind), kind);
    }

    /** "have launched": have only makes the tense, which the Persian verb of the article carries. */
    private static boolean auxiliary(List<String> t, int i) {
        if (!AUXILIARIES.contains(t.get(i)) || i + 1 >= t.size()) return false;
        String next = t.get(i + 1);
        Gloss g = glossary(next);
        return next.endsWith("ed") || g != null && g.kind() == Kind.VERB;
    }

    /** Persian says the verb last ("روبیکا تماس تصویری دارد"), before a question word that goes after the rest. */
    private static String[] verbLast(String[] piece, Kind[] kind) {
        List<String> out = new ArrayList<>(piece.length);
        List<String> verbs = new ArrayList<>();
        for (int i = 0; i < piece.length - 1; i++) (kind[i] == Kind.VERB ? verbs : out).add(piece[i]);
        out.addAll(verbs);
        out.add(piece[piece.length - 1]);
        return out.toArray(String[]::new);
    }

    /**
     * English puts modifiers before the noun, Persian after it, so a run of nouns and adjectives reads backwards:
     * "monthly active users" is کاربران فعال ماهانه, "Tehran Regional Water Company" شرکت آب منطقه‌ای تهران. A run ends at
     * anything else — a dropped word, a verb, a preposition, a question word.
     */
    static String[] nounFirst(String[] piece, Kind[] kind) {
        String[] out = piece.clone();
        int i = 0;
        while (i < piece.length) {
            int j = i;
            while (j < piece.length && piece[j] != null && noun(kind[j])) j++;
            if (j - i >= 2 && kind[j - 1] != Kind.ADJ) {
                // units read backwards; a full name ("Isa Zarepour") is one unit, in its own order
                List<List<String>> units = new ArrayList<>();
                for (int k = i; k < j; k++) {
                    if (k > i && kind[k] == Kind.NAME && kind[k - 1] == Kind.NAME) units.get(units.size() - 1).add(piece[k]);
                    else units.add(new ArrayList<>(List.of(piece[k])));
                }
                int k = i;
                for (int u = units.size() - 1; u >= 0; u--) for (String w : units.get(u)) out[k++] = w;
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }

    private static boolean noun(Kind k) {
        return k == Kind.ADJ || k == Kind.NOUN || k == Kind.NAME;
    }

    private String[] finglish(List<String> t) {
        String[] piece = new String[t.size()];
        for (int i = 0; i < t.size(); i++) {
            String w = t.get(i);
            String f = FINGLISH.get(w);
            if (f != null) piece[i] = f;
            else if (!isLatin(w)) piece[i] = w;
            else {
                String p = transliterate(w, words);
                Gloss g = p == null ? glossary(w) : null;
                piece[i] = p != null ? p : g != null ? choose(g.persian()) : w;
            }
        }
        return piece;
    }

    /** Finds the first cue of english-questions.txt in {@code t}; marks its words used and puts its Persian. */
    private static void cue(List<String> t, boolean[] used, String[] piece) {
        for (Cue c : CUES) {
            for (int i = 0; i < (c.atStart() ? Math.min(1, t.size()) : t.size()); i++) {
                int[] at = match(t, c.words(), i);
                if (at == null) continue;
                for (int p : at) used[p] = true;
                if (!c.before().isEmpty()) piece[at[0]] = c.before();
                if (!c.after().isEmpty()) piece[t.size()] = c.after();
                return;
            }
        }
    }

    private static int[] match(List<String> t, String[] cw, int i) {
        if (!t.get(i).equals(cw[0])) return null;
        List<Integer> pos = new ArrayList<>(List.of(i));
        int j = i + 1;
        boolean gap = false;
        for (int k = 1; k < cw.length; k++) {
            if (cw[k].equals("*")) { gap = true; continue; }
            int found = -1;
            for (int x = j; x < t.size() && (gap ? x - j <= MAX_GAP : x == j); x++) {
                if (t.get(x).equals(cw[k])) { found = x; break; }
            }
            if (found < 0) return null;
            pos.add(found);
            j = found + 1;
            gap = false;
        }
        return pos.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A glossary phrase of at least {@code min} words at {@code i}: its Persian goes in; returns its length, or 0. */
    private int phrase(List<String> t, boolean[] used, int i, String[] piece, Kind[] kind, int min) {
        for (int len = Math.min(GLOSSARY_MAX_WORDS, t.size() - i); len >= min; len--) {
            boolean free = true;
            for (int k = i; k < i + len; k++) free &= !used[k] && isLatin(t.get(k));
            if (!free) continue;
            Gloss g = glossary(String.join(" ", t.subList(i, i + len)));
            if (g == null) continue;
            piece[i] = choose(g.persian());
            kind[i] = g.kind();
            for (int k = i; k < i + len; k++) used[k] = true;
            return len;
        }
        return 0;
    }

    /** The first alternative the article writes (as is, or with a suffix); else the first, for the engine to miss. */
    private String choose(List<String> alts) {
        for (String a : alts) {
            boolean all = true;
            for (String w : a.split(" ")) all &= written(w);
            if (all) return a;
        }
        return alts.get(0);
    }

    private boolean written(String w) {
        if (vocab.contains(w)) return true;
        for (String s : Lang.SUFFIXES) {
            if (vocab.contains(w + s)) return true;
            if (w.endsWith(s) && w.length() - s.length() >= 2 && vocab.contains(w.substring(0, w.length() - s.length()))) return true;
        }
        return false;
    }

    /** The article word {@code latin} reads as (the closest; ties to the more frequent), or null. */
    private String transliterate(String latin, List<Word> candidates) {
        String key = (candidates == names ? "n:" : "w:") + latin;
        String hit = cache.get(key);
        if (hit != null) return hit.isEmpty() ? null : hit;
        String sounds = Transliteration.sounds(latin);
        if (sounds.length() > MAX_NAME) return null;          // no name is that long: bounded work on junk
        Word best = null;
        double bestCost = Double.MAX_VALUE;
        for (Word w : candidates) {
            if (Math.abs(w.letters().length() - sounds.length()) > sounds.length()) continue;
            double c = Transliteration.distance(sounds, w.letters());
            if (c < bestCost || c == bestCost && best != null && w.count() > best.count()) { best = w; bestCost = c; }
        }
        String out = best != null && Transliteration.close(bestCost, sounds.length()) ? best.word() : null;
        if (cache.size() < CACHE_LIMIT) cache.put(key, out == null ? "" : out);
        return out;
    }

    private static boolean isPersian(String w) {
        for (int i = 0; i < w.length(); i++) if (w.charAt(i) >= '\u0600' && w.charAt(i) <= '\u06FF') return true;
        return false;
    }

}
