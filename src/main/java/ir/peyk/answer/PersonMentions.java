package ir.peyk.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the raw (unlinked) references to people in one sentence: speakers before reporting verbs, and names anywhere
 * (first names and honorifics from data files) with a title written next to them. {@link People} links them.
 */
final class PersonMentions {
    /** A name or title found in a word range. */
    record Parsed(People.Kind kind, int from, int to, int nameFrom, int nameTo, int titleFrom, int titleTo) {}

    private PersonMentions() {}

    static List<People.Mention> speakers(Doc doc, int d) {
        List<People.Mention> out = new ArrayList<>();
        String[] w = doc.words;
        for (int i = 0; i < w.length; i++) {
            if (!Lang.REPORTING_WORDS.contains(w[i])) continue;
            int len = Lang.phraseAt(Lang.REPORTING_VERBS, w, i);
            if (len == 0) continue;
            int after = i + len;
            boolean direct = doc.gapBefore(after).indexOf(':') >= 0;
            Parsed p = speakerBefore(doc, i);
            // "وی ضمن هشدار … که …، از شهروندان خواست": a pronoun opening the sentence is its subject, however long
            // the clauses between it and the sentence's first reporting verb
            if (p == null && out.isEmpty() && i > 1 && Lang.PRONOUNS.contains(w[0])) p = parse(doc, 0, 1, false);
            if (p != null) out.add(new People.Mention(d, p.from, p.to, p.kind, person(doc, p), i, len, direct));
            i = after - 1;
        }
        People.Mention opener = timedOpener(doc, d, out);
        if (opener != null && out.stream().noneMatch(m -> m.verb() == opener.verb())) out.add(opener);
        return out;
    }

    /**
     * The speaker of the verb at {@code verb}. The clause before a verb may be split by commas: "NAME، TITLE، با اشاره
     * به … افزود" — the speaker is the nearest segment that is a name, a title or a pronoun (an adverbial segment such as
     * "با اشاره به …" is skipped), joined with a name or title in the segment before it (apposition).
     */
    private static Parsed speakerBefore(Doc doc, int verb) {
        List<int[]> segs = new ArrayList<>();
        int end = verb;
        while (segs.size() < 3) {
            int from = end;
            boolean crossing = !segs.isEmpty();                // the comma at `end` was crossed already
            while (from > 0 && end - from < 25) {
                if (!(crossing && from == end) && (breaks(doc, from) || doc.words[from - 1].equals("که"))) break;
                from--;
            }
            segs.add(new int[]{from, end});
            if (from == 0 || doc.words[from - 1].equals("که") || !isComma(doc.gapBefore(from))) break;
            end = from;
        }
        Parsed p = null;
        int k = 0;
        for (; k < segs.size() && p == null; k++) p = phrase(doc, segs.get(k)[0], segs.get(k)[1], k == 0);
        if (p == null) return null;
        if (k < segs.size() && (p.kind == People.Kind.TITLE || p.kind == People.Kind.NAME)) {
            Parsed before = phrase(doc, segs.get(k)[0], segs.get(k)[1], false);
            if (before != null && before.kind == People.Kind.NAME && p.kind == People.Kind.TITLE) {
                return new Parsed(People.Kind.NAME_TITLE, before.from, p.to, before.nameFrom, before.nameTo, p.titleFrom, p.titleTo);
            }
            if (before != null && before.kind == People.Kind.TITLE && p.kind == People.Kind.NAME) {
                return new Parsed(People.Kind.NAME_TITLE, before.from, p.to, p.nameFrom, p.nameTo, before.titleFrom, before.titleTo);
            }
        }
        return p;
    }

    /**
     * The subject written before a reporting verb when it is not a person ("مرکز آمار ایران روز سه‌شنبه اعلام کرد"):
     * the leading words of the verb's clause up to a function word or a time word; null when there are none.
     */
    static String subjectBefore(Doc doc, int verb) {
        int from = verb;
        while (from > 0 && verb - from < 25 && !breaks(doc, from) && !doc.words[from - 1].equals("که")) from--;
        int to = from;
        while (to < verb && to - from < 6 && !isCut(doc.words[to]) && !endsName(doc.words[to])) to++;
        return to > from ? doc.span(from, to) : null;
    }

    /**
     * The person phrase of one segment [a, b): its leading words up to the first function word ("عیسی زارعپور | در
     * گفتوگو …"), or — in the segment next to the verb, when it opens with a function word ("در ادامه وزیر نیرو") —
     * the words right before the verb, which must then hold a title, a name or a pronoun.
     */
    private static Parsed phrase(Doc doc, int a, int b, boolean nextToVerb) {
        String[] w = doc.words;
        if (a >= b) return null;
        // "وی تعداد مسافران … را … اعلام کرد": a pronoun opening the clause is its subject, the rest is the object
        if (nextToVerb && b - a > 1 && Lang.PRONOUNS.contains(w[a]) && !w[a + 1].equals("و")) {
            return new Parsed(People.Kind.PRONOUN, a, a + 1, -1, -1, -1, -1);
        }
        int from = a;
        int to = a;
        while (to < b && (w[to].equals("و") || !isCut(w[to]))) to++;
        boolean anchored = false;
        if (to == from) {
            if (!nextToVerb) return null;
            to = b;
            int s = b;
            while (s > a && !isCut(w[s - 1])) s--;
            from = s;
            anchored = true;
        }
        while (to > from && w[to - 1].equals("و")) to--;
        if (to <= from || to - from > 8) return null;
        return parse(doc, from, to, !anchored);
    }

    /**
     * Classifies words [from, to) as a pronoun, a name, a title or a name with a title; null when none. With
     * {@code unlisted}, two or three plain words (a first name the data file lacks) or one word (a surname the article
     * named before) count as a name too.
     */
    static Parsed parse(Doc doc, int from, int to, boolean unlisted) {
        String[] w = doc.words;
        if (to - from == 1 && Lang.PRONOUNS.contains(w[from])) return new Parsed(People.Kind.PRONOUN, from, to, -1, -1, -1, -1);
        int anchor = -1;
        for (int i = from; i < to && anchor < 0; i++) if (opensTitle(w[i]) || opensName(w[i])) anchor = i;
        if (anchor < 0) {
            int n = to - from;
            if (!unlisted || n > 3) return null;
            for (int i = from; i < to; i++) if (Lang.GENERIC_SPEAKERS.contains(w[i]) || endsName(w[i])) return null;
            return new Parsed(People.Kind.NAME, from, to, from, to, -1, -1);
        }
        from = anchor;
        int nameStart = -1;
        for (int i = from; i < to && nameStart < 0; i++) if (opensName(w[i])) nameStart = i;
        if (nameStart < 0) return opensTitle(w[from]) ? new Parsed(People.Kind.TITLE, from, to, -1, -1, from, to) : null;
        int nameEnd = nameStart + 1;
        while (nameEnd < to && nameEnd - nameStart < 4 && !opensTitle(w[nameEnd]) && !breaks(doc, nameEnd)
                && !endsName(w[nameEnd])) nameEnd++;
        int core = nameStart;
        while (core < nameEnd && Lang.HONORIFICS.contains(w[core])) core++;
        if (nameEnd - nameStart < 2 || core >= nameEnd) {
            return opensTitle(w[from]) && from < nameStart
                    ? new Parsed(People.Kind.TITLE, from, nameStart, -1, -1, from, nameStart) : null;
        }
        if (nameStart > from) return new Parsed(People.Kind.NAME_TITLE, from, nameEnd, nameStart, nameEnd, from, nameStart);
        if (nameEnd < to && opensTitle(w[nameEnd])) {
            return new Parsed(People.Kind.NAME_TITLE, from, to, nameStart, nameEnd, nameEnd, to);
        }
        return new Parsed(People.Kind.NAME, from, nameEnd, nameStart, nameEnd, -1, -1);
    }

    /** Names anywhere in a sentence ("به گفته دکتر …،"), with a title written next to them (apposition). */
    static List<People.Mention> freeNames(Doc doc, int d, List<People.Mention> taken) {
        List<People.Mention> out = new ArrayList<>();
        String[] w = doc.words;
        for (int i = 0; i < w.length; i++) {
            if (!opensName(w[i]) || covered(taken, i)) continue;
            int end = i + 1;
            while (end < w.length && end - i < 4 && !breaks(doc, end) && !opensTitle(w[end]) && !endsName(w[end])) end++;
            int core = i;
            while (core < end && Lang.HONORIFICS.contains(w[core])) core++;
            if (end - i < 2 || core >= end) continue;
            int tFrom = -1;
            int tTo = -1;
            int s = i;                                        // a title right before: "وزیر نیرو، علی …"
            while (s > 0 && i - s < 8 && !(doc.punctBefore(s) && !isComma(doc.gapBefore(s))) && !isCut(w[s - 1])) s--;
            for (int k = s; k < i; k++) if (opensTitle(w[k])) { tFrom = k; tTo = i; break; }
            if (tFrom < 0 && end < w.length && (isComma(doc.gapBefore(end)) || quotedBefore(doc, end)) && opensTitle(w[end])) {
                tFrom = end;                                  // or right after: "علی …، وزیر نیرو"
                tTo = end + 1;
                while (tTo < w.length && tTo - end < 8 && !doc.punctBefore(tTo) && (w[tTo].equals("و") || !isCut(w[tTo]))) tTo++;
                while (tTo > tFrom + 1 && w[tTo - 1].equals("و")) tTo--;
            }
            Parsed p = tFrom >= 0
                    ? new Parsed(People.Kind.NAME_TITLE, Math.min(tFrom, i), Math.max(tTo, end), i, end, tFrom, tTo)
                    : new Parsed(People.Kind.NAME, i, end, i, end, -1, -1);
            out.add(new People.Mention(d, p.from, p.to, p.kind, person(doc, p), -1, 0, false));
            i = end - 1;
        }
        return out;
    }

    /**
     * Names found by their place in the sentence rather than by a first-name list: the plain words before a comma and
     * a title ("یاشار بخشی، مدیرکل …،"), and the words after "به گفته" up to a comma. A surname that is also a common
     * word (بخشی، خوش، آشنا) is a name there.
     */
    static List<People.Mention> byStructure(Doc doc, int d, List<People.Mention> taken) {
        List<People.Mention> out = new ArrayList<>();
        String[] w = doc.words;
        for (int i = 1; i < w.length; i++) {
            if (covered(taken, i) || covered(out, i)) continue;
            boolean apposition = opensTitle(w[i]) && (isComma(doc.gapBefore(i)) || quotedBefore(doc, i));
            boolean accordingTo = i >= 2 && w[i - 1].equals("گفته") && w[i - 2].equals("به") && !doc.punctBefore(i);
            if (apposition) {
                int end = i;                            // the name ends at the comma before the title
                if (!plain(w[i - 1])) continue;
                int start = i - 1;
                while (start > 0 && end - start < 3 && !doc.punctBefore(start) && plain(w[start - 1])) start--;
                if (start > 0 && !doc.punctBefore(start) && !w[start - 1].equals("گفته")) continue;   // mid-clause words
                if (end - start < 2 || covered(taken, start)) continue;
                int tTo = i + 1;
                while (tTo < w.length && tTo - i < 8 && !doc.punctBefore(tTo) && (w[tTo].equals("و") || !isCut(w[tTo]))) tTo++;
                Parsed p = new Parsed(People.Kind.NAME_TITLE, start, tTo, start, end, i, tTo);
                out.add(new People.Mention(d, p.from, p.to, p.kind, person(doc, p), -1, 0, false));
                i = tTo - 1;
            } else if (w[i - 1].equals("به") && roleOf(w[i]) != null && i + 1 < w.length && !doc.punctBefore(i + 1)
                    && plain(w[i + 1])) {
                // "به کارگردانی بهرام و بهمن ارک", "به سرپرستی X": the role's holder follows it
                int end = i + 1;
                while (end < w.length && end - i <= 5 && !doc.punctBefore(end) && (plain(w[end]) || w[end].equals("و")
                        && end + 1 < w.length && plain(w[end + 1]))) end++;
                if (end - (i + 1) > 5) continue;
                Parsed p = new Parsed(People.Kind.NAME_TITLE, i, end, i + 1, end, i, i + 1);
                People.Person person = person(doc, p);
                person.title = roleOf(w[i]);
                person.titleWords.clear();
                person.titleWords.add(roleOf(w[i]));
                out.add(new People.Mention(d, p.from, p.to, p.kind, person, -1, 0, false));
                i = end - 1;
            } else if (accordingTo && plain(w[i])) {
                int end = i;
                while (end < w.length && end - i < 3 && plain(w[end]) && !(end > i && doc.punctBefore(end))) end++;
                if (end < w.length && !doc.punctBefore(end)) continue;          // "به گفته مسئولان شهری …": no name
                Parsed p = new Parsed(People.Kind.NAME, i, end, i, end, -1, -1);
                out.add(new People.Mention(d, p.from, p.to, p.kind, person(doc, p), -1, 0, false));
                i = end - 1;
            }
        }
        return out;
    }

    /**
     * The news opener "NAME دیروز/امروز … گفت": two or three plain words that open the sentence (after a wire opener
     * "به گزارش …،" if any), right before a time (a relative time, a date, a weekday, ظهر …), in a sentence with a
     * reporting verb — the verb's speaker, named by its place alone.
     */
    private static People.Mention timedOpener(Doc doc, int d, List<People.Mention> taken) {
        String[] w = doc.words;
        int start = 0;                                    // "به گزارش خبرنگار مهر، NAME ظهر چهارشنبه … گفت"
        if (Lang.phraseAt(Lang.AGENCY_OPENERS, w, 0) > 0) {
            while (start < w.length && start < 8 && !(start > 0 && doc.punctBefore(start))) start++;
            if (start >= w.length || start >= 8) return null;
        }
        int end = start;
        while (end < w.length && end < start + 3 && plain(w[end]) && !(end > start && doc.punctBefore(end))) end++;
        if (end < start + 2 || end >= w.length || doc.punctBefore(end) || covered(taken, start)) return null;
        boolean timed = Lang.WEEKDAYS.contains(w[end]) || Lang.is(w[end], "day-part");   // "ظهر چهارشنبه"، "شنبه"
        for (Doc.Span<?> r : doc.relatives) timed |= r.from() == end;
        for (Doc.Span<?> r : doc.dates) timed |= r.from() == end;
        if (!timed) return null;
        for (int i = end; i < w.length; i++) {
            int len = Lang.REPORTING_WORDS.contains(w[i]) ? Lang.phraseAt(Lang.REPORTING_VERBS, w, i) : 0;
            if (len == 0) continue;
            Parsed p = new Parsed(People.Kind.NAME, start, end, start, end, -1, -1);
            return new People.Mention(d, start, end, People.Kind.NAME, person(doc, p), i, len, doc.gapBefore(i + len).indexOf(':') >= 0);
        }
        return null;
    }

    /** The title a role noun names (کارگردانی → کارگردان، سرپرستی → سرپرست), or null. */
    private static String roleOf(String w) {
        if (w.length() > 3 && w.endsWith("ی") && opensTitle(w.substring(0, w.length() - 1))) return w.substring(0, w.length() - 1);
        return null;
    }

    /** A word that may be part of a personal name: no function word, title, number, generic speaker or time word. */
    private static boolean plain(String w) {
        return !isCut(w) && !endsName(w) && !opensTitle(w) && !Lang.GENERIC_SPEAKERS.contains(w) && !Lang.PRONOUNS.contains(w)
                && !Lang.PLACES_ANY.contains(w);
    }

    /** A fresh, unlinked person holding what the mention says (single-letter initials are not name words). */
    static People.Person person(Doc doc, Parsed p) {
        People.Person x = new People.Person();
        if (p.nameFrom >= 0) {
            x.name = doc.span(p.nameFrom, p.nameTo);
            for (int i = p.nameFrom; i < p.nameTo; i++) {
                String w = doc.words[i];
                if (!Lang.HONORIFICS.contains(w) && w.length() > 1) x.nameWords.add(w);
            }
        }
        if (p.titleFrom >= 0) {
            x.title = doc.span(p.titleFrom, p.titleTo).replaceAll("[،,\\s]+$", "");
            for (int i = p.titleFrom; i < p.titleTo; i++) if (!doc.words[i].equals("و")) x.titleWords.add(doc.words[i]);
        }
        return x;
    }

    /** Punctuation between words {@code i-1} and {@code i} ends a phrase, except the period of an initial ("م. رضایی"). */
    static boolean breaks(Doc doc, int i) {
        if (!doc.punctBefore(i)) return false;
        return !(doc.words[i - 1].length() == 1 && doc.gapBefore(i).strip().equals("."));
    }

    static boolean isCut(String w) {
        if (Lang.PRONOUNS.contains(w)) return false;
        return Lang.STOPWORDS.contains(w) || Lang.LIGHT_VERBS.contains(w) || Lang.REPORTING_WORDS.contains(w)
                || Character.isDigit(w.charAt(0));
    }

    /** Words that never continue a personal name: "محمد رضایی | روز دوشنبه در …". */
    private static boolean endsName(String w) {
        return Lang.TIME_CUES.contains(w) || Lang.WEEKDAYS.contains(w) || Lang.MONTHS.contains(w) || Lang.VAGUE.contains(w)
                || isCut(w)
                || Lang.REPORTING_WORDS.contains(w) || Lang.isVerbLike(w);
    }

    static boolean opensTitle(String w) {
        return Lang.TITLES.contains(w);
    }

    static boolean opensName(String w) {
        return Lang.FIRST_NAMES.contains(w) || Lang.HONORIFICS.contains(w);
    }

    /**
     * A quoted name stands right before word {@code i} ("«مرجان اکبری» معاون …", '" مرجان اکبری " معاون …'): some
     * outlets set the name in quotes where others write the apposition's comma.
     */
    private static boolean quotedBefore(Doc doc, int i) {
        String g = doc.gapBefore(i).strip();
        if (g.length() != 1 || "\"»”".indexOf(g.charAt(0)) < 0) return false;
        for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
            String open = doc.gapBefore(j).strip();
            if (!open.isEmpty()) return open.endsWith("\"") || open.endsWith("«") || open.endsWith("“");
        }
        return false;
    }

    static boolean isComma(String gap) {
        String g = gap.strip();
        return g.equals("،") || g.equals(",");
    }

    private static boolean covered(List<People.Mention> ms, int i) {
        for (People.Mention m : ms) if (i >= m.from() && i < m.to()) return true;
        return false;
    }
}
