package ir.peyk.answer;

import ir.peyk.article.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct quotes: "SPEAKER VERB: QUOTE" (the quote runs on through the following sentences of its paragraph until
 * another sentence names a speaker) and «…» quotes of four words or more attributed in their own sentence. Speakers
 * come from {@link People}, so وی and a bare title resolve to the named person. A wire agency prefix (ایرنا:) has no
 * reporting verb, so it is never a speaker.
 */
final class QuoteExtractor {
    /** A quote and the sentences (doc positions) it covers, first to last. */
    record Found(Quote quote, People.Person person, int firstDoc, int lastDoc) {}

    final List<Found> found;
    /** doc position → the quote that covers it. */
    private final Map<Integer, Found> byDoc = new HashMap<>();

    QuoteExtractor(ArticleIndex index, People people) {
        List<Found> out = new ArrayList<>();
        for (int d = 0; d < index.size(); d++) {
            Doc doc = index.doc(d);
            if (doc.section() != Section.BODY) continue;
            People.Mention m = directSpeaker(people, d);
            if (m != null) {
                int colon = doc.text().indexOf(':', doc.end[m.verb() + m.verbLen() - 1]);
                StringBuilder text = new StringBuilder(clean(doc.text().substring(colon + 1)));
                int last = d;
                boolean closed = text.length() > 0 && doc.text().substring(colon + 1).strip().startsWith("«");
                while (!closed && last + 1 < index.size() && continues(index, people, d, last + 1)) {
                    last++;
                    text.append(' ').append(clean(index.doc(last).text()));
                }
                if (text.length() > 0) {
                    out.add(new Found(quote(doc, m, text.toString()), m.person(), d, last));
                    d = last;
                }
                continue;
            }
            Found g = guillemets(doc, people, d);
            if (g != null) out.add(g);
        }
        this.found = List.copyOf(out);
        for (Found f : found) for (int d = f.firstDoc(); d <= f.lastDoc(); d++) byDoc.putIfAbsent(d, f);
    }

    List<Quote> quotes() {
        return found.stream().map(Found::quote).toList();
    }

    /** The quote a sentence belongs to, or null. */
    Found covering(int doc) {
        return byDoc.get(doc);
    }

    private static People.Mention directSpeaker(People people, int d) {
        for (People.Mention m : people.in(d)) if (m.speaker() && m.direct()) return m;
        return null;
    }

    /** A sentence continues the quote before it: same body paragraph, and it names no speaker of its own. */
    private static boolean continues(ArticleIndex index, People people, int first, int d) {
        Doc a = index.doc(first);
        Doc b = index.doc(d);
        if (b.section() != Section.BODY || b.sentence.paragraph() != a.sentence.paragraph()) return false;
        // A sentence that names anyone or says وی / او is the reporter talking again ("به گفته او، …").
        if (!people.in(d).isEmpty()) return false;
        for (String w : b.words) if (Lang.PRONOUNS.contains(w)) return false;
        return !(b.words.length > 1 && b.words[0].equals("به") && b.words[1].equals("گفته"));
    }

    private static Quote quote(Doc doc, People.Mention m, String text) {
        People.Person p = m.person();
        String speaker = p.name != null ? p.name : p.title != null ? p.title : doc.span(m.from(), m.to());
        String verb = doc.span(m.verb(), m.verb() + m.verbLen());
        return new Quote(speaker, p.title, verb, text, doc.index());
    }

    /** «…» of four words or more in a sentence whose own reporting verb names the speaker. */
    private static Found guillemets(Doc doc, People people, int d) {
        String t = doc.text();
        int open = t.indexOf('«');
        int close = open < 0 ? -1 : t.indexOf('»', open + 1);
        if (close < 0) return null;
        String inner = t.substring(open + 1, close).strip();
        if (inner.split("\\s+").length < 4) return null;
        People.Mention speaker = null;
        for (People.Mention m : people.in(d)) if (m.speaker()) { speaker = m; break; }
        if (speaker == null) return null;
        return new Found(quote(doc, speaker, inner), speaker.person(), d, d);
    }

    /** Trims white space and the quote marks around a quote. */
    static String clean(String s) {
        String t = s.strip();
        if (t.startsWith("«") && t.indexOf('»') == t.length() - 1) t = t.substring(1, t.length() - 1);
        else if (t.startsWith("«") && t.endsWith("».")) t = t.substring(1, t.length() - 2) + ".";
        else if (t.startsWith("«") && t.indexOf('»') < 0) t = t.substring(1);
        else if (t.endsWith("»") && t.indexOf('«') < 0) t = t.substring(0, t.length() - 1);
        return t.strip();
    }
}
