package ir.peyk.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who (a name with its title), who said it (the speaker of the quote a sentence belongs to) and what someone said
 * (the quoted clause). The question's words that name or title a person select the person; the rest select the
 * topic.
 */
final class PersonAnswers {
    private PersonAnswers() {}

    /** "چه کسی وزیر … است": the person whose title holds the question's title words; "X کیست": X's title. */
    static Optional<Answer> person(Ctx c, QuoteExtractor quotes) {
        // "وزیر با چه کسانی دیدار کرد" asks for the object of با, not for the minister
        if (NounPhrases.prepositionAsked(c.q.words()) != null) return NounPhrases.doer(c);
        List<Integer> titleTerms = titleTerms(c, true);
        if (!titleTerms.isEmpty()) {
            People.Person p = bestPerson(c, titleTerms, true);
            if (p == null || c.veto(p.name == null)) return Optional.empty();     // no such title, or the article names nobody
            return Optional.of(personAnswer(c, p, 0.9));
        }
        List<Integer> nameTerms = nameTerms(c);
        if (!nameTerms.isEmpty() && onlyNames(c, nameTerms)) {
            People.Person p = bestPerson(c, nameTerms, false);
            if (p != null && p.title != null) return Optional.of(personAnswer(c, p, 0.85));
            return Optional.empty();
        }
        // No title or name in the question: a person named in the same clause as the question's words.
        for (Ranker.Scored s : c.candidates(0.6, 3, false)) {
            for (People.Mention m : c.people.in(s.doc())) {
                if (m.kind() == People.Kind.PRONOUN && m.person().name == null) continue;
                if (m.person().name == null || c.veto(named(c, m.person()))) continue;   // "شهریاری با چه کسانی …": not him
                if (sameClause(c, s.doc(), m)) return Optional.of(personAnswer(c, m.person(), 0.6));
            }
        }
        return NounPhrases.doer(c);                           // a group or an organisation did it
    }

    /** "چه کسی گفت …": the speaker of the quote that holds the question's words. */
    static Optional<Answer> speaker(Ctx c, QuoteExtractor quotes) {
        for (Ranker.Scored s : c.candidates(0.6, 3, false)) {
            QuoteExtractor.Found f = quotes.covering(s.doc());
            People.Person p = f != null ? f.person() : null;
            if (p == null) {
                People.Mention m = c.people.speakerIn(s.doc());
                if (m != null) p = m.person();
            }
            Doc d = c.doc(s.doc());
            if (p == null) {
                String subject = organizationSpeaker(d);
                if (subject == null) continue;
                return Optional.of(new Answer(c.q.raw(), true, subject + " — «" + d.text() + "»", List.of(Ctx.evidence(d)),
                        Ctx.round(Ctx.confidence(c.coverage(s.doc(), false), true, s.score()) * 0.9)));
            }
            List<Evidence> ev = new ArrayList<>();
            ev.add(Ctx.evidence(d));
            if (f != null && f.firstDoc() != s.doc()) ev.add(Ctx.evidence(c.doc(f.firstDoc())));
            addPersonEvidence(c, p, ev);
            return Optional.of(new Answer(c.q.raw(), true, p.display() + " — «" + d.text() + "»", ev,
                    Ctx.confidence(c.coverage(s.doc(), false), true, s.score())));
        }
        return Optional.empty();
    }

    /** The non-person subject of the sentence's reporting verb (an organization, a ministry), or null. */
    private static String organizationSpeaker(Doc d) {
        for (int i = 0; i < d.length(); i++) {
            if (!Lang.REPORTING_WORDS.contains(d.words[i]) || Lang.phraseAt(Lang.REPORTING_VERBS, d.words, i) == 0) continue;
            return PersonMentions.subjectBefore(d, i);
        }
        return null;
    }

    /**
     * "X درباره Y چه گفت / X Y را چگونه توصیف کرد": the clause of X's quotes that holds Y. With {@code speakerNamed}
     * (a what- or how-question read as a quote only as a fallback) the question must name or title X: "نتیجه بازی
     * چه بود" is not answered by whatever a coach said about the game.
     */
    static Optional<Answer> quote(Ctx c, QuoteExtractor quotes, boolean speakerNamed) {
        List<Integer> who = new ArrayList<>(titleTerms(c, false));
        who.addAll(nameTerms(c));
        People.Person person = who.isEmpty() ? null : bestPerson(c, who, false);
        if (!who.isEmpty() && person == null || speakerNamed && person == null) return Optional.empty();
        List<Integer> topic = new ArrayList<>();
        for (int k = 0; k < c.q.terms().size(); k++) if (!who.contains(k)) topic.add(k);
        Ranker.Scored best = null;
        double bestScore = -1;
        for (Ranker.Scored s : c.ranked) {
            QuoteExtractor.Found f = quotes.covering(s.doc());
            if (f == null || person != null && f.person() != person) continue;
            double got = 0;
            double all = 0;
            int nouns = 0;
            int missing = 0;                            // "درباره وام مسکن" is not answered by a quote on مسکن alone
            for (int k : topic) {
                all += c.q.terms().get(k).weight();
                if (c.has(s.doc(), k)) got += c.q.terms().get(k).weight();
                if (c.q.terms().get(k).weight() >= 1) { nouns++; if (!c.has(s.doc(), k)) missing++; }
            }
            if (!topic.isEmpty() && got / all < 0.5 || missing > (nouns >= 3 ? 1 : 0)) continue;
            if (s.score() > bestScore) { bestScore = s.score(); best = s; }
        }
        if (best == null && topic.isEmpty() && person != null) {
            for (QuoteExtractor.Found f : quotes.found) if (f.person() == person) { return Optional.of(quoteAnswer(c, f, f.firstDoc(), null, 0.7)); }
        }
        if (best == null) return person == null || topic.isEmpty() ? Optional.empty() : reported(c, person, topic);
        return Optional.of(quoteAnswer(c, quotes.covering(best.doc()), best.doc(), best, c.coverage(best.doc(), true)));
    }

    /** No quote: a sentence where {@code person} is the subject of a reporting verb ("وی X را … اعلام کرد") with every topic word. */
    private static Optional<Answer> reported(Ctx c, People.Person person, List<Integer> topic) {
        for (Ranker.Scored s : c.ranked) {
            People.Mention m = c.people.speakerIn(s.doc());
            if (m == null || m.person() != person || m.direct()) continue;
            boolean all = true;
            for (int k : topic) all &= c.has(s.doc(), k);
            if (!all) continue;
            Doc d = c.doc(s.doc());
            return Optional.of(new Answer(c.q.raw(), true, person.display() + " — «" + d.text() + "»",
                    List.of(Ctx.evidence(d)), Ctx.round(Ctx.confidence(c.coverage(s.doc(), true), true, s.score()) * 0.9)));
        }
        return Optional.empty();
    }

    private static Answer quoteAnswer(Ctx c, QuoteExtractor.Found f, int d, Ranker.Scored s, double coverage) {
        Doc doc = c.doc(d);
        String part = doc.text();
        if (d == f.firstDoc()) {
            int colon = doc.text().indexOf(':');
            if (colon >= 0) part = doc.text().substring(colon + 1).strip();
        }
        String piece = s == null ? part : clauseWithTerms(c, doc, part);
        String who = f.person() != null ? f.person().display() : f.quote().speaker();
        String text = who + ": «" + QuoteExtractor.clean(piece) + "»";
        if (piece.length() < 0.8 * doc.text().length()) text += " — «" + doc.text() + "»";
        List<Evidence> ev = new ArrayList<>();
        ev.add(Ctx.evidence(doc));
        if (f.firstDoc() != d) ev.add(Ctx.evidence(c.doc(f.firstDoc())));
        return new Answer(c.q.raw(), true, text, ev, Ctx.confidence(coverage, true, s == null ? 1 : s.score()));
    }

    /** The part of {@code part} (split at ؛ and .) that holds the most question words. */
    private static String clauseWithTerms(Ctx c, Doc doc, String part) {
        String best = part;
        int bestHits = 0;
        for (String piece : part.split("(?<=[؛;.!؟?])\\s+")) {
            List<String> words = ir.peyk.text.PersianText.keyWords(piece);
            int hits = 0;
            for (Question.Term t : c.q.terms()) {
                for (TermMatcher.Hit h : t.hits()) if (words.contains(h.word())) { hits++; break; }
            }
            if (hits > bestHits) { bestHits = hits; best = piece; }
        }
        return best.strip();
    }

    private static Answer personAnswer(Ctx c, People.Person p, double base) {
        List<Evidence> ev = new ArrayList<>();
        addPersonEvidence(c, p, ev);
        double conf = Math.round(base * (0.5 + 0.5 * c.q.articleCoverage()) * 100) / 100.0;
        String sentence = p.nameDoc >= 0 ? " — «" + c.doc(p.nameDoc).text() + "»" : "";
        return new Answer(c.q.raw(), true, p.display() + sentence, ev, conf);
    }

    private static void addPersonEvidence(Ctx c, People.Person p, List<Evidence> ev) {
        Set<Integer> docs = new LinkedHashSet<>();
        for (Evidence e : ev) docs.add(e.sentence());
        if (p.titleDoc >= 0) docs.add(p.titleDoc);
        if (p.nameDoc >= 0) docs.add(p.nameDoc);
        ev.clear();
        for (int d : docs) ev.add(Ctx.evidence(c.doc(d)));
    }

    /**
     * Positions (in {@code q.terms()}) of a title word and the content terms that follow it ("وزیر ارتباطات …"). In a
     * who-question every following term belongs to the title asked about; elsewhere ("وزیر رقابت را چگونه توصیف کرد")
     * only the terms that are words of some person's title do.
     */
    static List<Integer> titleTerms(Ctx c, boolean strict) {
        Question q = c.q;
        List<Integer> out = new ArrayList<>();
        List<Question.Term> ts = q.terms();
        for (int k = 0; k < ts.size(); k++) {
            if (!Lang.TITLES.contains(ts.get(k).text())) continue;
            out.add(k);
            int lastPos = ts.get(k).pos() + ts.get(k).len();
            for (int j = k + 1; j < ts.size(); j++) {
                Question.Term t = ts.get(j);
                boolean adjacent = true;
                for (int p = lastPos; p < t.pos(); p++) adjacent &= q.words()[p].equals("و");
                if (!adjacent || t.weight() < 1) break;
                if (!strict && !inSomeTitle(c, t)) {
                    // "وزیر رقابت را …": an object after the title. "وزیر کشور درباره …": the title's own complement,
                    // which the person's title must then have — a minister of another ministry is not this one.
                    if (!objectMarked(q, t)) out.add(j);
                    break;
                }
                out.add(j);
                lastPos = t.pos() + t.len();
            }
            break;
        }
        return out;
    }

    /** The term is followed by را: an object, not part of a title. */
    private static boolean objectMarked(Question q, Question.Term t) {
        int next = t.pos() + t.len();
        return next < q.words().length && (q.words()[next].equals("را") || q.words()[next].equals("رو"));
    }

    private static boolean inSomeTitle(Ctx c, Question.Term t) {
        for (People.Person p : c.people.persons) {
            for (TermMatcher.Hit h : t.hits()) if (p.hasTitleWord(h.word())) return true;
        }
        return false;
    }

    /**
     * "زارع‌پور کیست" names the person asked about; "چه کسانی از سخنان رضایی استقبال کردند" names one in its topic:
     * only a question whose nouns are all name words asks for that person's title.
     */
    private static boolean onlyNames(Ctx c, List<Integer> nameTerms) {
        for (int k = 0; k < c.q.terms().size(); k++) {
            if (c.q.terms().get(k).weight() >= 1 && !nameTerms.contains(k)) return false;
        }
        return true;
    }

    /** The question names this person already. */
    private static boolean named(Ctx c, People.Person p) {
        for (Question.Term t : c.q.terms()) for (TermMatcher.Hit h : t.hits()) if (p.nameWords.contains(h.word())) return true;
        return false;
    }

    /** Terms that match a word of some person's name. */
    private static List<Integer> nameTerms(Ctx c) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < c.q.terms().size(); k++) {
            for (People.Person p : c.people.persons) {
                boolean hit = false;
                for (TermMatcher.Hit h : c.q.terms().get(k).hits()) hit |= p.nameWords.contains(h.word());
                if (hit) { out.add(k); break; }
            }
        }
        return out;
    }

    /** The person whose title (or name) holds every one of the given terms; the most mentioned one on ties. */
    private static People.Person bestPerson(Ctx c, List<Integer> terms, boolean titleOnly) {
        People.Person best = null;
        int bestMentions = -1;
        for (People.Person p : c.people.persons) {
            boolean all = true;
            int matched = 0;                                  // the leading terms the person's title has
            for (int k : terms) {
                boolean hit = false;
                for (TermMatcher.Hit h : c.q.terms().get(k).hits()) {
                    hit |= p.hasTitleWord(h.word()) || !titleOnly && p.nameWords.contains(h.word());
                }
                if (hit && matched == terms.indexOf(k)) matched++;
                // "سرمربی تیم ملی والیبال" of an article on volleyball whose coach is "سرمربی تیم ملی": a trailing word
                // the headline has is the story's topic, not another team
                all &= hit || titleOnly && matched >= 2 && inHeadline(c, c.q.terms().get(k));
            }
            if (!all || !headMatches(c, terms, p)) continue;
            int mentions = 0;
            for (People.Mention m : c.people.mentions) if (m.person() == p) mentions++;
            if (mentions > bestMentions) { bestMentions = mentions; best = p; }
        }
        return best;
    }

    /** The headline holds term {@code t} (a word of no fixed reference: no name, place, month or number). */
    private static boolean inHeadline(Ctx c, Question.Term t) {
        if (t.required() && !Lang.ONE_WORD_PLACES.contains(t.text())) return false;   // a place the headline names is the story's
        for (Doc d : c.index.docs) {
            if (d.section() != ir.peyk.article.Section.TITLE) continue;
            for (String w : d.words) for (TermMatcher.Hit h : t.hits()) if (h.word().equals(w)) return true;
        }
        return false;
    }

    /**
     * A title word in the question must be the head of the person's title: "وزیر ارتباطات" is not "معاون وزیر
     * ارتباطات".
     */
    private static boolean headMatches(Ctx c, List<Integer> terms, People.Person p) {
        if (p.title == null) return true;
        for (int k : terms) {
            Question.Term t = c.q.terms().get(k);
            if (!Lang.TITLES.contains(t.text())) continue;
            String head = p.titleWords.isEmpty() ? "" : p.titleWords.iterator().next();
            return t.hits().stream().anyMatch(h -> h.word().equals(head));
        }
        return true;
    }

    /** The mention and the question's words stand in one clause (no punctuation or که between them). */
    private static boolean sameClause(Ctx c, int d, People.Mention m) {
        Doc doc = c.doc(d);
        for (int k = 0; k < c.q.terms().size(); k++) {
            for (int p : c.positions(d, k)) {
                int a = Math.min(p, m.from());
                int b = Math.max(p, m.to() - 1);
                boolean clean = true;
                for (int i = a + 1; i <= b && clean; i++) clean = !doc.punctBefore(i) && !doc.words[i].equals("که");
                if (clean && b - a <= 12) return true;
            }
        }
        return false;
    }
}
