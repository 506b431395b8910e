package ir.peyk.answer;

import ir.peyk.article.NumberExtractor;
import java.util.ArrayList;
import java.util.List;

/**
 * The graded path, taken when no typed reader is sure of a span: the best-matching sentence (or two adjacent ones)
 * as what the article says, when the decision model finds the question well matched; a decline otherwise. The model
 * also chooses among the top few candidates, so a sentence that holds the asked kind of answer (a number for "چند")
 * beats one that only repeats the question's words.
 */
final class SentenceAnswers {
    /** The scorer's and the chat's limit on an answer: longer evidence is cut to the clauses around the match. */
    static final int MAX_ANSWER_CHARS = 430;
    private static final int CANDIDATES = 4;
    /** How much holding the asked kind of answer (or visibly lacking it) moves a candidate in the ranking. */
    private static final double TYPE_BONUS = 0.1;

    /** One decision: the chosen candidate (null when nothing matched), its features and probability. */
    record Decision(Retriever.Candidate candidate, double[] features, double probability) {}

    private final ArticleIndex index;
    private final People people;
    private final Retriever retriever;
    private final AnswerModel model;

    SentenceAnswers(ArticleIndex index, People people, AnswerModel model) {
        this.index = index;
        this.people = people;
        this.retriever = new Retriever(index);
        this.model = model;
    }

    AnswerModel model() {
        return model;
    }

    /**
     * The best candidate — by coverage, with a small bonus when it holds the asked kind of answer and a malus when it
     * visibly lacks it — with its features and the model's probability. The model decides but does not rank: a
     * ranking by its probability would let training chase its own choices.
     */
    Decision decide(Question q, boolean readerDeclined, boolean vetoed) {
        Retriever.Result r = retriever.retrieve(q);
        List<NumberExtractor.NumberMatch> numbers = NumberExtractor.extract(q.raw());
        boolean negated = SpanAnswers.hasNegativeVerb(q.words());
        Retriever.Candidate best = null;
        TypeEvidence.Found bestType = TypeEvidence.Found.UNKNOWN;
        double bestScore = Double.NEGATIVE_INFINITY;
        int tried = 0;
        for (Retriever.Candidate c : r.ranked()) {
            if (tried++ >= CANDIDATES) break;
            TypeEvidence.Found type = type(q, c, numbers);
            double score = c.coverage() + (type == TypeEvidence.Found.YES ? TYPE_BONUS : type == TypeEvidence.Found.NO ? -TYPE_BONUS : 0);
            if (score > bestScore) { bestScore = score; best = c; bestType = type; }
        }
        double[] f = best == null ? Features.of(q, r, null, TypeEvidence.Found.UNKNOWN, false, !numbers.isEmpty(), readerDeclined, vetoed)
                : Features.of(q, r, best, bestType, negated != negated(best), !numbersSaid(best, numbers), readerDeclined, vetoed);
        return new Decision(best, f, model.probability(f));
    }

    /** The sentence answer, or a decline when the model's probability is under its threshold. */
    Answer answer(Question q, boolean readerDeclined, boolean vetoed) {
        Decision d = decide(q, readerDeclined, vetoed);
        if (d.candidate() == null || d.probability() < model.threshold()) return Answer.decline(q.raw());
        return toAnswer(q, d);
    }

    Answer toAnswer(Question q, Decision d) {
        Retriever.Candidate c = d.candidate();
        Doc first = index.doc(c.first());
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Ctx.evidence(first));
        String text = first.text().strip();
        if (c.pair()) {
            Doc second = index.doc(c.second());
            evidence.add(Ctx.evidence(second));
            text = text + " " + second.text().strip();
        }
        if (text.length() > MAX_ANSWER_CHARS) text = excerpt(q, c);
        return new Answer(q.raw(), true, "«" + text + "»", evidence, Ctx.round(d.probability()), Answer.Kind.SENTENCE);
    }

    /** The asked kind in the candidate; a date or number in a sentence that lacks the question's event is no evidence. */
    private TypeEvidence.Found type(Question q, Retriever.Candidate c, List<NumberExtractor.NumberMatch> numbers) {
        TypeEvidence.Found f = typeIn(q, c, numbers);
        return f == TypeEvidence.Found.YES && c.eventMissing() ? TypeEvidence.Found.UNKNOWN : f;
    }

    private TypeEvidence.Found typeIn(Question q, Retriever.Candidate c, List<NumberExtractor.NumberMatch> numbers) {
        TypeEvidence.Found f = TypeEvidence.of(q, index.doc(c.first()), people, numbers);
        if (f != TypeEvidence.Found.YES && c.pair()) {
            TypeEvidence.Found g = TypeEvidence.of(q, index.doc(c.second()), people, numbers);
            if (g == TypeEvidence.Found.YES) return g;
        }
        return f;
    }

    private boolean negated(Retriever.Candidate c) {
        return SpanAnswers.hasNegativeVerb(index.doc(c.first()).words)
                || c.pair() && SpanAnswers.hasNegativeVerb(index.doc(c.second()).words);
    }

    /** Every number the question states is in the candidate. */
    private boolean numbersSaid(Retriever.Candidate c, List<NumberExtractor.NumberMatch> numbers) {
        for (NumberExtractor.NumberMatch m : numbers) {
            if (!has(index.doc(c.first()), m) && !(c.pair() && has(index.doc(c.second()), m))) return false;
        }
        return true;
    }

    private static boolean has(Doc d, NumberExtractor.NumberMatch m) {
        for (Doc.Span<NumberExtractor.NumberMatch> n : d.numbers) if (QuantityAnswers.sameValue(m.value(), n.match().value())) return true;
        return false;
    }

    /** A long candidate cut to the clauses around the question's words (see {@link Excerpt}). */
    private String excerpt(Question q, Retriever.Candidate c) {
        Doc d = index.doc(c.first());
        int first = d.length();
        int last = -1;
        for (Question.Term t : q.terms()) {
            for (TermMatcher.Hit h : t.hits()) {
                for (ArticleIndex.Occ o : index.occurrences(h.word())) {
                    if (o.doc() != c.first()) continue;
                    first = Math.min(first, o.pos());
                    last = Math.max(last, o.pos() + o.len() - 1);
                }
            }
        }
        if (last < 0) return Excerpt.around(d.text().strip(), 0, 0, MAX_ANSWER_CHARS);
        return Excerpt.around(d.text(), d.start[first], d.end[last], MAX_ANSWER_CHARS);
    }
}
