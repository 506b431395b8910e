package ir.peyk.chart;

import java.util.List;

/**
 * What a chart image shows, already in the reader's language: a title, a line of facts, and sections of horizontal
 * bars. The renderer ({@link ChartImage}) knows nothing of articles; the caller chooses and words the content.
 *
 * @param title     the heading (wrapped over at most two lines)
 * @param facts     short lines under the title ("294 words · 8 sentences")
 * @param sections  groups of bars, each under its own heading; empty sections are left out
 * @param emptyNote shown instead of bars when no section has any (an article with no keywords and no numbers)
 * @param rtl       right-to-left layout (Persian): text is right-aligned and bars grow from the right
 */
public record BarChart(String title, List<String> facts, List<Section> sections, String emptyNote, boolean rtl) {
    public BarChart {
        facts = List.copyOf(facts);
        sections = sections.stream().filter(s -> !s.bars().isEmpty()).toList();
    }

    /** A heading and its bars, drawn in the order given. */
    public record Section(String heading, List<Bar> bars) {
        public Section {
            bars = List.copyOf(bars);
        }
    }

    /**
     * One bar: its length is {@code value / max} of the bar area (bars of one section may have different maxima when
     * their units differ: 40 million people and 3 percent are not drawn to one scale).
     *
     * @param label     the text beside the bar
     * @param valueText the value as the reader writes it, printed at the bar's end
     */
    public record Bar(String label, double value, double max, String valueText) {
        double fraction() {
            if (!(max > 0) || !(value > 0) || Double.isInfinite(value)) return 0;
            return Math.min(1, value / max);
        }
    }
}
