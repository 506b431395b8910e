package ir.peyk.answer;

import ir.peyk.article.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people an article names, and every place it refers to them: by name, by title (وزیر …), by both, or by a
 * pronoun (وی، او). News introduces a speaker by title in one sentence and by name in the next ("TITLE گفت: … NAME …
 * اظهار کرد: …"), so a title-only and a name-only speaker mention that follow each other are linked to one person;
 * later mentions of the title, or of وی, resolve to that person.
 */
final class People {
    enum Kind { NAME, TITLE, NAME_TITLE, PRONOUN }

    /** A person: the name and the title as the article writes them (either may be null, not both). */
    static final class Person {
        String name;
        String title;
        final Set<String> nameWords = new LinkedHashSet<>();
        final Set<String> titleWords = new LinkedHashSet<>();
        /** Sentences (doc positions) where the name / the title appears. */
        int nameDoc = -1;
        int titleDoc = -1;

        String display() {
            if (name != null && title != null) return name + "، " + title;
            return name != null ? name : title;
        }
    }

    /**
     * One reference to a person in sentence {@code doc}, words [from, to). A speaker mention stands before a reporting
     * verb at {@code verb} (length {@code verbLen}); {@code direct} when a colon follows the verb (a direct quote).
     */
    record Mention(int doc, int from, int to, Kind kind, Person person, int verb, int verbLen, boolean direct) {
        boolean speaker() {
            return verb >= 0;
        }
    }

    /** A name or title found in a word range, before linking. */
    private record Parsed(Kind kind, int from, int to, int nameFrom, int nameTo, int titleFrom, int titleTo) {}

    final List<Person> persons = new ArrayList<>();
    final List<Mention> mentions = new ArrayList<>();
    private final Map<Integer, List<Mention>> byDoc = new HashMap<>();
    private final Map<Integer, Set<String>> aliases = new HashMap<>();

    People(ArticleIndex index) {
        Mention previousSpeaker = null;
        for (int d = 0; d < index.size(); d++) {
            Doc doc = index.doc(d);
            if (doc.section() == Section.FOOTER) continue;
            List<Mention> found = new ArrayList<>();
            for (Mention m : speakers(doc, d)) found.add(m);
            for (Mention m : freeNames(doc, d, found)) found.add(m);
            found.sort((a, b) -> Integer.compare(a.from(), b.from()));
            for (Mention raw : found) {
                Mention m = link(doc, raw, previousSpeaker, d);
                if (m == null) continue;
                mentions.add(m);
                byDoc.computeIfAbsent(d, k -> new ArrayList<>()).add(m);
                if (m.speaker()) previousSpeaker = m;
            }
        }
        for (Mention m : mentions) {
            Set<String> a = aliases.computeIfAbsent(m.doc(), k -> new HashSet<>());
            a.addAll(m.person().nameWords);
            a.addAll(m.person().titleWords);
        }
    }

    List<Mention> in(int doc) {
        return byDoc.getOrDefault(doc, List.of());
    }

    /** Words that name or title the people a sentence refers to (so a question's name finds "وی گفت …"). */
    Set<String> aliases(int doc) {
        return aliases.getOrDefault(doc, Set.of());
    }

    /** The speaker of a reporting verb in {@code doc}, if any (first one). */
    Mention speakerIn(int doc) {
        for (Mention m : in(doc)) if (m.speaker()) return m;
        return null;
    }

    // ---- finding mentions -----------------------------------------------------------------------------------------

    private static List<Mention> speakers(Doc doc, int d) {
        List<Mention> out = new ArrayList<>();
        String[] w = doc.words;
        for (int i = 0; i < w.length; i++) {
            if (!Lang.REPORTING_WORDS.contains(w[i])) continue;
            int len = Lang.phraseAt(Lang.REPORTING_VERBS, w, i);
            if (len == 0) continue;
            int after = i + len;
            String gap = doc.gapBefore(after);
            boolean direct = gap.indexOf(':') >= 0;
            Parsed p = speakerBefore(doc, i);
            if (p != null) out.add(new Mention(d, p.from, p.to, p.kind, parsedPerson(doc, p), i, len, direct));
            i = after - 1;
        }
        return out;
    }

    /** The noun phrase that ends right before the verb at {@code verb}: "[…،|که] NP [در …|همچنین …] VERB". */
    private static Parsed speakerBefore(Doc doc, int verb) {
        String[] w = doc.words;
        int from = verb;
        while (from > 0 && verb - from < 25 && !doc.punctBefore(from) && !w[from - 1].equals("که")) from--;
        // From the left: the phrase runs until the first function word other than و.
        int to = from;
        while (to < verb && (w[to].equals("و") || !isCut(w[to]))) to++;
        if (to == from) {
            // Starts with a function word ("در ادامه وزیر نیرو گفت"): take the words just before the verb instead.
            to = verb;
            int s = verb;
            while (s > from && !isCut(w[s - 1])) s--;
            from = s;
        }
        while (to > from && w[to - 1].equals("و")) to--;
        if (to <= from || to - from > 8) return null;
        return parse(doc, from, to, true);
    }

    private static boolean isCut(String w) {
        if (Lang.PRONOUNS.contains(w)) return false;
        return Lang.STOPWORDS.contains(w) || Lang.LIGHT_VERBS.contains(w) || Lang.REPORTING_WORDS.contains(w)
                || Character.isDigit(w.charAt(0));
    }

    /** Classifies words [from, to) as a pronoun, a name, a title or both; null when it is none of them. */
    private static Parsed parse(Doc doc, int from, int to, boolean speaker) {
        String[] w = doc.words;
        if (to - from == 1 && Lang.PRONOUNS.contains(w[from])) return new Parsed(Kind.PRONOUN, from, to, -1, -1, -1, -1);
        // anchor: the first word that opens a title or a name
        int anchor = -1;
        for (int i = from; i < to && anchor < 0; i++) if (opensTitle(w[i]) || opensName(w[i])) anchor = i;
        if (anchor < 0) {
            int n = to - from;
            if (!speaker || n < 2 || n > 3) return null;
            for (int i = from; i < to; i++) if (Lang.GENERIC_SPEAKERS.contains(w[i]) || endsName(w[i])) return null;
            return new Parsed(Kind.NAME, from, to, from, to, -1, -1);   // an unlisted first name: "بهادر زارعپور"
        }
        from = anchor;
        int nameStart = -1;
        for (int i = from; i < to && nameStart < 0; i++) if (opensName(w[i])) nameStart = i;
        if (nameStart < 0) return opensTitle(w[from]) ? new Parsed(Kind.TITLE, from, to, -1, -1, from, to) : null;
        int nameEnd = nameStart + 1;
        while (nameEnd < to && nameEnd - nameStart < 4 && !opensTitle(w[nameEnd]) && !doc.punctBefore(nameEnd)
                && !endsName(w[nameEnd])) nameEnd++;
        int core = nameStart;
        while (core < nameEnd && Lang.HONORIFICS.contains(w[core])) core++;
        if (nameEnd - nameStart < 2 || core >= nameEnd) {
            return opensTitle(w[from]) && from < nameStart ? new Parsed(Kind.TITLE, from, nameStart, -1, -1, from, nameStart) : null;
        }
        if (nameStart > from) return new Parsed(Kind.NAME_TITLE, from, nameEnd, nameStart, nameEnd, from, nameStart);
        if (nameEnd < to && opensTitle(w[nameEnd])) return new Parsed(Kind.NAME_TITLE, from, to, nameStart, nameEnd, nameEnd, to);
        return new Parsed(Kind.NAME, from, nameEnd, nameStart, nameEnd, -1, -1);
    }

    /** Words that never continue a personal name: "محمد رضایی | روز دوشنبه در …". */
    private static boolean endsName(String w) {
        return Lang.TIME_CUES.contains(w) || Lang.WEEKDAYS.contains(w) || Lang.VAGUE.contains(w) || isCut(w)
                || Lang.REPORTING_WORDS.contains(w) || Lang.isVerbLike(w);
    }

    private static boolean opensTitle(String w) {
        return Lang.TITLES.contains(w);
    }

    private static boolean opensName(String w) {
        return Lang.FIRST_NAMES.contains(w) || Lang.HONORIFICS.contains(w);
    }

    /** Names anywhere in a sentence ("به گفته دکتر … ،"), with a title written next to them (apposition). */
    private static List<Mention> freeNames(Doc doc, int d, List<Mention> taken) {
        List<Mention> out = new ArrayList<>();
        String[] w = doc.words;
        for (int i = 0; i < w.length; i++) {
            if (!opensName(w[i]) || covered(taken, i)) continue;
            int end = i + 1;
            while (end < w.length && end - i < 4 && !doc.punctBefore(end) && !isCut(w[end]) && !opensTitle(w[end])
                    && !endsName(w[end])) end++;
            int core = i;
            while (core < end && Lang.HONORIFICS.contains(w[core])) core++;
            if (end - i < 2 || core >= end) continue;
            // a title right before ("وزیر نیرو، علی …") or right after ("علی …، وزیر نیرو")
            int tFrom = -1;
            int tTo = -1;
            int s = i;
            while (s > 0 && i - s < 8 && !(doc.punctBefore(s) && !isComma(doc.gapBefore(s))) && !isCut(w[s - 1])) s--;
            for (int k = s; k < i; k++) if (opensTitle(w[k])) { tFrom = k; tTo = i; break; }
            if (tFrom < 0 && end < w.length && isComma(doc.gapBefore(end)) && opensTitle(w[end])) {
                tFrom = end;
                tTo = end + 1;
                while (tTo < w.length && tTo - end < 8 && !doc.punctBefore(tTo) && (w[tTo].equals("و") || !isCut(w[tTo]))) tTo++;
                while (tTo > tFrom + 1 && w[tTo - 1].equals("و")) tTo--;
            }
            Parsed p = tFrom >= 0
                    ? new Parsed(Kind.NAME_TITLE, Math.min(tFrom, i), Math.max(tTo, end), i, end, tFrom, tTo)
                    : new Parsed(Kind.NAME, i, end, i, end, -1, -1);
            out.add(new Mention(d, p.from, p.to, p.kind, parsedPerson(doc, p), -1, 0, false));
            i = end - 1;
        }
        return out;
    }

    private static boolean isComma(String gap) {
        return gap.strip().equals("،") || gap.strip().equals(",");
    }

    private static boolean covered(List<Mention> ms, int i) {
        for (Mention m : ms) if (i >= m.from() && i < m.to()) return true;
        return false;
    }

    /** A fresh, unlinked person holding what the mention says. */
    private static Person parsedPerson(Doc doc, Parsed p) {
        Person x = new Person();
        if (p.nameFrom >= 0) {
            x.name = doc.span(p.nameFrom, p.nameTo);
            for (int i = p.nameFrom; i < p.nameTo; i++) if (!Lang.HONORIFICS.contains(doc.words[i])) x.nameWords.add(doc.words[i]);
        }
        if (p.titleFrom >= 0) {
            x.title = doc.span(p.titleFrom, p.titleTo).replaceAll("[،,\\s]+$", "");
            for (int i = p.titleFrom; i < p.titleTo; i++) if (!doc.words[i].equals("و")) x.titleWords.add(doc.words[i]);
        }
        return x;
    }

    // ---- linking ----------------------------------------------------------------------------------------------------

    private Mention link(Doc doc, Mention m, Mention previousSpeaker, int d) {
        Person fresh = m.person();
        boolean recent = previousSpeaker != null && d - previousSpeaker.doc() <= 3;
        Person p;
        switch (m.kind()) {
            case PRONOUN -> {
                if (!recent) return null;
                p = previousSpeaker.person();
            }
            case NAME -> {
                p = byName(fresh);
                if (p == null && m.speaker() && recent && previousSpeaker.kind() == Kind.TITLE
                        && previousSpeaker.person().name == null) {
                    p = previousSpeaker.person();
                }
                if (p == null) p = add(new Person());
                if (p.name == null) setName(p, fresh, d);
            }
            case TITLE -> {
                p = byTitle(fresh);
                if (p == null && m.speaker() && recent && previousSpeaker.kind() == Kind.NAME
                        && previousSpeaker.person().title == null) {
                    p = previousSpeaker.person();
                }
                if (p == null) p = add(new Person());
                mergeTitle(p, fresh, d);
            }
            default -> {
                p = byName(fresh);
                if (p == null) {
                    Person t = byTitle(fresh);
                    if (t != null && t.name == null) p = t;
                }
                if (p == null) p = add(new Person());
                if (p.name == null) setName(p, fresh, d);
                mergeTitle(p, fresh, d);
            }
        }
        return new Mention(m.doc(), m.from(), m.to(), m.kind(), p, m.verb(), m.verbLen(), m.direct());
    }

    private Person add(Person p) {
        persons.add(p);
        return p;
    }

    private static void setName(Person p, Person from, int d) {
        p.name = from.name;
        p.nameWords.addAll(from.nameWords);
        p.nameDoc = d;
    }

    private static void mergeTitle(Person p, Person from, int d) {
        if (from.title == null) return;
        if (p.title == null || from.titleWords.size() > p.titleWords.size()) {
            p.title = from.title;
            p.titleDoc = d;
        }
        p.titleWords.addAll(from.titleWords);
    }

    /** The known person with the same name, or whose surname the mention is. */
    private Person byName(Person m) {
        if (m.nameWords.isEmpty()) return null;
        for (Person p : persons) {
            if (p.nameWords.isEmpty()) continue;
            if (p.nameWords.containsAll(m.nameWords) || m.nameWords.containsAll(p.nameWords)) return p;
        }
        return null;
    }

    /** The known person whose title contains every word of the mention's title (or the reverse). */
    private Person byTitle(Person m) {
        if (m.titleWords.isEmpty()) return null;
        Person best = null;
        for (Person p : persons) {
            if (p.titleWords.isEmpty()) continue;
            if (p.titleWords.containsAll(m.titleWords) || m.titleWords.containsAll(p.titleWords)) best = p;
        }
        return best;
    }
}
