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

        /**
         * Word {@code w} is in the title: one of its words, or adjacent ones written as one — a question's "میراث
         * فرهنگی خراسان" is matched to the article as one joined word.
         */
        boolean hasTitleWord(String w) {
            if (titleWords.contains(w)) return true;
            if (titleWords.size() < 2) return false;
            String[] t = titleWords.toArray(new String[0]);
            for (int i = 0; i < t.length; i++) {
                if (!w.startsWith(t[i])) continue;
                int at = t[i].length();
                for (int j = i + 1; j < t.length && w.startsWith(t[j], at); j++) {
                    at += t[j].length();
                    if (at == w.length()) return true;
                }
            }
            return false;
        }

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
            for (Mention m : PersonMentions.speakers(doc, d)) found.add(m);
            for (Mention m : PersonMentions.freeNames(doc, d, found)) found.add(m);
            for (Mention m : PersonMentions.byStructure(doc, d, found)) found.add(m);
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
                if (p == null && fresh.nameWords.size() < 2 && m.to() - m.from() < 2) return null;   // a lone unknown word
                if (p == null && m.speaker() && recent && previousSpeaker.kind() == Kind.TITLE
                        && previousSpeaker.person().name == null) {
                    p = previousSpeaker.person();
                }
                if (p == null) p = add(new Person());
                if (p.name == null) setName(p, fresh, d);
            }
            case TITLE -> {
                p = byTitle(fresh);
                // the untitled speaker just before, named or pointed to by وی/او, is the one this title names
                if (p == null && m.speaker() && recent && previousSpeaker.person().name != null
                        && (previousSpeaker.kind() == Kind.NAME || previousSpeaker.kind() == Kind.PRONOUN)
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
