package ir.peyk.eval;

import java.util.List;

/**
 * One labelled question: answerable ones pass when every group of {@code expect} has an alternative inside the
 * answer; unanswerable ones when the bot declines.
 */
public record QaItem(String id, String question, List<List<String>> expect, boolean answerable) {
    public QaItem {
        expect = expect.stream().map(List::copyOf).toList();
    }
}
