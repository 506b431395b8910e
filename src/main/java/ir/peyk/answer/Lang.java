package ir.peyk.answer;

import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import ir.peyk.text.PhraseTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The linguistic data the answer engine reads, loaded once from {@code /peyk/lang/}. Every word list is in key space
 * ({@link PersianText#key}); multi-word entries are kept as word arrays. Nothing here is about any one article.
 */
final class Lang {
    /**
     * A question cue: its words ("*" = a gap), its answer type and its rank (file order: lower wins); {@code counted}
     * when the noun after it is the thing counted (COUNT in the file: "چند ایستگاه"), not a measured mass ("چقدر آب").
     */
    record Cue(String[] words, AnswerType type, int rank, boolean counted) {}

    static final List<Cue> CUES = cues();
    /** Cues indexed by their first word, for a fast scan of the question's words. */
    static final Map<String, List<Cue>> CUES_BY_FIRST = byFirst(CUES, c -> c.words()[0]);
    static final Set<String> QUESTION_MARKERS = Lexicon.keySet("question-markers.txt");
    static final Set<String> STOPWORDS = Lexicon.keySet("qa-stopwords.txt");
    static final Set<String> LIGHT_VERBS = Lexicon.keySet("light-verbs.txt");
    static final Set<String> VAGUE = Lexicon.keySet("vague-words.txt");
    static final List<String[]> REPORTING_VERBS = phrases("reporting-verbs.txt");
    static final Set<String> REPORTING_WORDS = firstWords(REPORTING_VERBS);
    static final List<String[]> REASON_MARKERS = phrases("reason-markers.txt");
    /** Phrases that mark a result after its reason (به همین دلیل، بنابراین): result-markers.txt. */
    static final List<String[]> RESULT_MARKERS = phrases("result-markers.txt");
    /** Closed word classes (copula, future, modal, passive, determiner, preposition, who-noun, clock, when). */
    private static final Map<String, List<String>> WORD_CLASSES = synonyms("word-classes.txt");

    /** Whether {@code w} belongs to word class {@code cls} of word-classes.txt. */
    static boolean is(String w, String cls) {
        List<String> c = WORD_CLASSES.get(w);
        return c != null && c.contains(cls);
    }

    /** Number words (یک، دو، بیست …): never part of a noun phrase read as an answer. */
    static final Set<String> NUMBER_WORDS = entryKeys("number-words.txt");
    /** Counted nouns that are people (کاربر، مسافر): a number of نفر counts them. */
    static final Set<String> PEOPLE_UNITS = Lexicon.keySet("people-units.txt");
    /** Question word → the words news may write for it (کم → کاهش). */
    static final Map<String, List<String>> SYNONYMS = synonyms("synonyms.txt");
    /** A verb's past stem → the nouns news writes for its action (verb-nouns.txt: فروخت → فروش). */
    static final Map<String, List<String>> VERB_NOUNS = synonyms("verb-nouns.txt");
    /** Words a reader takes for one another, both ways (equivalents.txt): word → the others of its groups. */
    static final Map<String, List<String>> EQUIVALENTS = groups("equivalents.txt");
    /** Number words and their digits, both ways (چهار ↔ 4): a question's "چهار شهر" is the article's "۴ شهر". */
    static final Map<String, String> NUMBER_FORMS = numberForms();
    /** Broken plurals both ways (خطوط → خط, خط → خطوط): broken-plurals.txt. */
    static final Map<String, String> PLURAL_PAIRS = bothWays("broken-plurals.txt");
    /** "بعضی از این X": quantifiers that open a partitive noun phrase. */
    static final List<String[]> PARTITIVES = phrases("partitives.txt");
    /** Adverbs that may open a clause before its subject (درحال‌حاضر، همچنین). */
    static final List<String[]> CLAUSE_ADVERBS = phrases("clause-adverbs.txt");
    /** "نسبت به سال گذشته": a time after these is a baseline, not when something happened. */
    static final List<String[]> COMPARISON_MARKERS = phrases("comparison-markers.txt");
    /** "توسط X", "از سوی X": the doer of a passive clause. */
    static final List<String[]> AGENT_MARKERS = phrases("agent-markers.txt");
    /** Words of questions about the news item (headline, agency, outlet, time): word → field, "-" or "~". */
    static final Map<String, String> NEWS_FIELDS = entries("news-fields.txt");
    /** Phrases a question uses for the text itself ("نام برده شده", "در خبر"): dropped before anything else. */
    static final List<String[]> MENTION_PHRASES = phrases("mention-phrases.txt");
    static final Set<String> MENTION_FIRST_WORDS = firstWords(MENTION_PHRASES);
    static final List<String> SUFFIXES = Lexicon.keySet("word-suffixes.txt").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    static final Set<String> TITLES = Lexicon.keySet("titles.txt");
    static final Set<String> PRONOUNS = Lexicon.keySet("person-pronouns.txt");
    static final Set<String> HONORIFICS = Lexicon.keySet("honorifics.txt");
    static final Set<String> FIRST_NAMES = Lexicon.keySet("first-names.txt");
    static final Set<String> GENERIC_SPEAKERS = Lexicon.keySet("generic-speakers.txt");
    static final Set<String> TIME_CUES = Lexicon.keySet("time-cues.txt");
    static final Set<String> CHANGE_WORDS = Lexicon.keySet("change-words.txt");
    static final Set<String> WEEKDAYS = Lexicon.keySet("weekdays.txt");
    /** Jalali month names (shared with the date extractor): never part of a personal name ("بهمن پارسال"). */
    static final Set<String> MONTHS = entryKeys("months-jalali.txt");
    /** "به گزارش X،" and the like (shared with the parser): the wire credit that opens a body. */
    static final List<String[]> AGENCY_OPENERS = phrases("agency-openers.txt");
    static final List<String[]> PERIOD_WORDS = phrases("period-words.txt");
    static final List<String[]> PLACES = phrases("places.txt");
    static final Set<String> ONE_WORD_PLACES = oneWord(PLACES);
    /** Every word of a place name (تهران، خراسان، رضوی): never part of a personal name found by structure. */
    static final Set<String> PLACES_ANY = anyWord(PLACES);
    /** Shared with the number extractor: units (canonical names as values) and scale words. */
    static final PhraseTable<String> UNITS = PhraseTable.load("units.txt");
    static final PhraseTable<Double> SCALES = PhraseTable.load("scale-words.txt", Double::parseDouble);

    private Lang() {}

    /** Words that never carry content in a question. */
    static boolean isFunctionWord(String w) {
        return FUNCTION_WORDS.contains(w);
    }

    /** The light verbs negated (نشد، نکرد، نیفتاد, see {@link #negated}): function words, and negative verbs. */
    static final Set<String> NEGATED_LIGHT_VERBS = negatedLightVerbs();

    /**
     * The union isFunctionWord asks, with the negated light verbs spelled out: one hash lookup per word instead of five
     * and a substring (it is asked for every candidate word of every question).
     */
    private static final Set<String> FUNCTION_WORDS = functionWords();

    /** The negative of a verb form: ن before it, نی before a stem that starts with ا (افتاد → نیفتاد). */
    private static String negated(String verb) {
        return verb.startsWith("ا") ? "نی" + verb.substring(1) : "ن" + verb;
    }

    private static Set<String> negatedLightVerbs() {
        Set<String> s = new java.util.HashSet<>();
        for (String v : LIGHT_VERBS) if (v.length() > 1) s.add(negated(v));
        return Collections.unmodifiableSet(s);
    }

    private static Set<String> functionWords() {
        Set<String> s = new java.util.HashSet<>(STOPWORDS);
        s.addAll(LIGHT_VERBS);
        s.addAll(QUESTION_MARKERS);
        s.addAll(VAGUE);
        s.addAll(NEGATED_LIGHT_VERBS);
        return Collections.unmodifiableSet(s);
    }

    /** A verb form other than the light verbs: the weak part of a question (its noun phrases carry the content). */
    static boolean isVerbLike(String w) {
        return (w.startsWith("می") || w.startsWith("نمی")) && w.length() >= 5 && !isMiNoun(w)
                || w.endsWith("هاند") || w.endsWith("ایم") && w.length() > 5;
    }

    /** Common nouns of places (پایانه، بیمارستان): place-nouns.txt. */
    private static final Set<String> PLACE_NOUNS = Lexicon.keySet("place-nouns.txt");

    /** A place noun, as itself or with a plural or ezafe ending ("پایانه‌های"). */
    static boolean isPlaceNoun(String w) {
        if (PLACE_NOUNS.contains(w)) return true;
        for (String end : new String[]{"هایی", "های", "ها", "ی"}) {
            if (w.length() > end.length() + 1 && w.endsWith(end) && PLACE_NOUNS.contains(w.substring(0, w.length() - end.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Nouns spelled like a می- verb (میدان، میانگین): mi-nouns.txt, as themselves or with ها / های. */
    private static final Set<String> MI_NOUNS = Lexicon.keySet("mi-nouns.txt");

    private static boolean isMiNoun(String w) {
        if (MI_NOUNS.contains(w)) return true;
        if (w.endsWith("های")) return MI_NOUNS.contains(w.substring(0, w.length() - 3));
        return w.endsWith("ها") && MI_NOUNS.contains(w.substring(0, w.length() - 2));
    }

    /** Length of the phrase of {@code list} that starts at {@code words[i]} (longest), or 0. */
    static int phraseAt(List<String[]> list, String[] words, int i) {
        if (i >= words.length) return 0;
        List<String[]> starting = byFirstWord(list).get(words[i]);
        if (starting == null) return 0;
        int best = 0;
        for (String[] p : starting) {
            if (p.length <= best || i + p.length > words.length) continue;
            boolean ok = true;
            for (int k = 0; k < p.length && ok; k++) ok = p[k].equals(words[i + k]);
            if (ok) best = p.length;
        }
        return best;
    }

    /**
     * Each phrase list's phrases by their first word: {@link #phraseAt} is asked at every word of every sentence it
     * reads, and comparing the word with every phrase of a list was the answer engine's hottest loop. The lists are the
     * class's constants, so the index is built once per list and published whole (readers take no lock).
     */
    private static volatile Map<List<String[]>, Map<String, List<String[]>>> firstWords = new java.util.IdentityHashMap<>();

    private static Map<String, List<String[]>> byFirstWord(List<String[]> list) {
        Map<String, List<String[]>> index = firstWords.get(list);
        if (index != null) return index;
        Map<String, List<String[]>> built = byFirst(list.stream().filter(p -> p.length > 0).toList(), p -> p[0]);
        synchronized (Lang.class) {
            Map<List<String[]>, Map<String, List<String[]>>> next = new java.util.IdentityHashMap<>(firstWords);
            next.put(list, built);
            firstWords = next;
        }
        return built;
    }

    /** Length of the phrase of {@code list} that ends just before {@code words[end]}, or 0. */
    static int phraseEndingAt(List<String[]> list, String[] words, int end) {
        int best = 0;
        for (String[] p : list) {
            int start = end - p.length;
            if (p.length <= best || start < 0) continue;
            boolean ok = true;
            for (int k = 0; k < p.length && ok; k++) ok = p[k].equals(words[start + k]);
            if (ok) best = p.length;
        }
        return best;
    }

    private static List<Cue> cues() {
        List<Cue> out = new ArrayList<>();
        for (String line : Lexicon.lines("question-words.txt")) {
            int tab = line.indexOf('\t');
            if (tab < 0) throw new IllegalStateException("question-words.txt: expected TYPE<TAB>words, got " + line);
            String typeName = line.substring(0, tab).strip();
            boolean counted = typeName.equals("COUNT");
            AnswerType type = AnswerType.valueOf(counted ? "NUMBER" : typeName);
            List<String> words = new ArrayList<>();
            for (String w : line.substring(tab + 1).strip().split("\\s+")) {
                words.add(w.equals("*") ? "*" : PersianText.key(w));
            }
            out.add(new Cue(words.toArray(String[]::new), type, out.size(), counted));
        }
        return List.copyOf(out);
    }

    /** {@code items} by their first word, each list in the items' order. */
    private static <T> Map<String, List<T>> byFirst(List<T> items, java.util.function.Function<T, String> first) {
        Map<String, List<T>> m = new HashMap<>();
        for (T t : items) m.computeIfAbsent(first.apply(t), k -> new ArrayList<>()).add(t);
        return Collections.unmodifiableMap(m);
    }

    private static List<String[]> phrases(String file) {
        List<String[]> out = new ArrayList<>();
        for (String l : Lexicon.lines(file)) {
            String k = PersianText.key(l);
            if (!k.isEmpty()) out.add(PersianText.words(k).toArray(String[]::new));
        }
        return List.copyOf(out);
    }

    private static Set<String> anyWord(List<String[]> phrases) {
        Set<String> s = new java.util.HashSet<>();
        for (String[] p : phrases) s.addAll(java.util.Arrays.asList(p));
        return Collections.unmodifiableSet(s);
    }

    private static Set<String> oneWord(List<String[]> phrases) {
        Set<String> s = new java.util.HashSet<>();
        for (String[] p : phrases) if (p.length == 1) s.add(p[0]);
        return Collections.unmodifiableSet(s);
    }

    /** A file of comma-separated groups as word → the other words of its groups (key space, spaces dropped). */
    private static Map<String, List<String>> groups(String file) {
        Map<String, java.util.LinkedHashSet<String>> out = new HashMap<>();
        for (String l : Lexicon.lines(file)) {
            List<String> g = new ArrayList<>();
            for (String a : l.split(",")) if (!a.isBlank()) g.add(PersianText.key(a).replace(" ", ""));
            for (String a : g) for (String b : g) if (!a.equals(b)) out.computeIfAbsent(a, k -> new java.util.LinkedHashSet<>()).add(b);
        }
        Map<String, List<String>> m = new HashMap<>();
        out.forEach((k, v) -> m.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> numberForms() {
        Map<String, String> out = new HashMap<>();
        for (String l : Lexicon.lines("number-words.txt")) {
            int eq = l.indexOf('=');
            if (eq < 0) continue;
            String word = PersianText.key(l.substring(0, eq));
            String value = l.substring(eq + 1).strip().split("\\s+")[0];
            if (word.contains(" ") || !value.matches("\\d+")) continue;
            out.put(word, value);
            out.putIfAbsent(value, word);
        }
        return Collections.unmodifiableMap(out);
    }

    /** A "WORD = VALUE, VALUE" file as a map, all in key space. */
    private static Map<String, List<String>> synonyms(String file) {
        Map<String, List<String>> out = new HashMap<>();
        for (Map.Entry<String, String> e : entries(file).entrySet()) {
            List<String> alts = new ArrayList<>();
            for (String a : e.getValue().split(",")) if (!a.isBlank()) alts.add(PersianText.key(a));
            out.put(e.getKey(), List.copyOf(alts));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, String> bothWays(String file) {
        Map<String, String> out = new HashMap<>();
        entries(file).forEach((plural, singular) -> {
            out.put(plural, PersianText.key(singular));
            out.put(PersianText.key(singular), plural);
        });
        return Collections.unmodifiableMap(out);
    }

    /** A "WORD = VALUE" file as a map, words in key space. */
    private static Map<String, String> entries(String file) {
        Map<String, String> out = new HashMap<>();
        for (String l : Lexicon.lines(file)) {
            int eq = l.indexOf('=');
            if (eq < 0) throw new IllegalStateException(file + ": expected WORD = VALUE, got " + l);
            out.put(PersianText.key(l.substring(0, eq)), l.substring(eq + 1).strip());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The keys of a "PHRASE = VALUE" file. */
    private static Set<String> entryKeys(String file) {
        Set<String> out = new java.util.HashSet<>();
        for (String l : Lexicon.lines(file)) {
            int eq = l.indexOf('=');
            out.add(PersianText.key(eq < 0 ? l : l.substring(0, eq)));
        }
        return Collections.unmodifiableSet(out);
    }

    private static Set<String> firstWords(List<String[]> phrases) {
        Set<String> s = new java.util.HashSet<>();
        for (String[] p : phrases) s.add(p[0]);
        return Collections.unmodifiableSet(s);
    }
}
