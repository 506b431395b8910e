package ir.peyk.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The article's paragraphs, found by content density (the readability method) over jsoup's DOM, with no rule for any
 * one site: page furniture goes first (scripts, forms, navigation, header/footer/aside, and blocks whose class or id
 * says menu, comment, related, share …); every paragraph of running text then scores its container (more for length
 * and commas), half of it its grandparent; a container's score is cut by the share of its text that sits in links.
 * The best container, with the text-rich paragraphs beside it (a lead often stands just outside the body block), is
 * the article; within it, a paragraph that is mostly links (a related-news list) is left out.
 */
final class MainText {
    private static final Pattern NEGATIVE = Pattern.compile(
            "comment|related|share|sharing|social|footer|menu|navbar|\\bnav|sidebar|breadcrumb|\\btags?\\b|keyword|advert|"
                    + "\\bads?\\b|banner|widget|popup|modal|login|signin|subscribe|newsletter|most-?(?:viewed|read|visited)|"
                    + "popular|print|rating|pager|pagination|copyright|author-box|\\bcredit", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|\\bbody|content|entry|main|\\bpost|\\btext|story|\\blead|summary|introtext", Pattern.CASE_INSENSITIVE);
    private static final String FURNITURE = "script, style, noscript, iframe, form, nav, header, footer, aside, button, "
            + "input, select, textarea, svg, canvas, object, embed, template, [role=navigation], [role=banner], "
            + "[role=contentinfo], [role=complementary], [hidden]";
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "li", "ul", "ol", "blockquote", "br", "tr", "table", "dd", "dt", "figcaption", "pre", "hr");
    /** A paragraph shorter than this (characters) scores nothing. */
    private static final int MIN_PARAGRAPH = 25;
    /** A paragraph with more than this share of its text in links is a list of links, not text. */
    private static final double MAX_LINK_SHARE = 0.5;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟]\\s*$");

    private MainText() {}

    /** A list of teasers (a home or search page): at least this many headline links in the text's container … */
    static final int MIN_TEASERS = 3;
    /** … of at least this many characters each. */
    private static final int HEADLINE_CHARS = 20;

    /**
     * The article's paragraphs in page order; empty when the page has no running text, or when its text is a list of
     * teasers — headline links each with a snippet, as on a home or search page — and the page does not declare
     * itself an article.
     */
    static List<String> of(Document page, boolean declaredArticle) {
        Document doc = page.clone();
        doc.select(FURNITURE).remove();
        for (Element e : new ArrayList<>(doc.body() == null ? List.of() : doc.body().select("*"))) {
            if (e.parent() == null || e == doc.body()) continue;
            String marks = e.className() + " " + e.id();
            if (NEGATIVE.matcher(marks).find() && !POSITIVE.matcher(marks).find()) e.remove();
        }
        if (doc.body() == null) return List.of();
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : doc.body().select("p, pre, td, blockquote, div, li")) {
            if (!p.tagName().equals("p")
                    && p.children().stream().anyMatch(c -> BLOCKS.contains(c.tagName()) && !c.is("br, hr"))) continue;
            String text = p.text();
            if (text.length() < MIN_PARAGRAPH) continue;
            double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent == null) continue;
            scores.merge(parent, score + classWeight(parent), (a, b) -> a + score);
            Element grand = parent.parent();
            if (grand != null) scores.merge(grand, score / 2 + classWeight(grand), (a, b) -> a + score / 2);
        }
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkShare(e.getKey()));
            if (s > best) {
                best = s;
                top = e.getKey();
            }
        }
        if (top == null) return List.of();
        // A wrapper around the text alone (div > div.item-text) hides the text's neighbours (the lead): climb out of it.
        while (top.parent() != null && top.parent() != doc.body() && top.parent().childrenSize() == 1) top = top.parent();
        if (!declaredArticle && isTeaserList(top)) return List.of();
        List<String> out = new ArrayList<>();
        Element parent = top.parent();
        List<Element> parts = parent == null ? List.of(top) : parent.children();
        for (Element part : parts) {
            boolean include = part == top;
            if (!include) {
                Double s = scores.get(part);
                String text = part.text();
                boolean dense = s != null && s * (1 - linkShare(part)) >= Math.max(10, best * 0.2);
                boolean prose = text.length() >= 80 && linkShare(part) < 0.25
                        && (commas(text) > 0 || SENTENCE_END.matcher(text).find());
                include = !part.is("h1, :has(h1)") && (dense || prose); // the headline's block is not the text
            }
            if (include) out.addAll(paragraphs(part));
        }
        return out;
    }

    /** Headline-length links, each in its own block, as many as half the text blocks or more: a list of teasers. */
    static boolean isTeaserList(Element container) {
        int headlines = 0;
        for (Element a : container.select("a")) {
            if (a.text().length() >= HEADLINE_CHARS && (a.parent() == null || a.parent().text().length() <= a.text().length() + 5)) {
                headlines++;
            }
        }
        int blocks = container.select("p, div:not(:has(div, p))").size();
        return headlines >= MIN_TEASERS && headlines * 2 >= blocks;
    }

    private static double classWeight(Element e) {
        String marks = e.className() + " " + e.id();
        double w = 0;
        if (POSITIVE.matcher(marks).find()) w += 25;
        if (NEGATIVE.matcher(marks).find()) w -= 25;
        if (e.is("article, main")) w += 10;
        return w;
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '،' || s.charAt(i) == ',') n++;
        return n;
    }

    static double linkShare(Element e) {
        int all = e.text().length();
        if (all == 0) return 0;
        int links = 0;
        for (Element a : e.select("a")) links += a.text().length();
        return Math.min(1, (double) links / all);
    }

    /** The text of {@code root} cut at block elements; a paragraph that is mostly link text is dropped. */
    private static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int[] linkChars = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text();
                    text.append(s);
                    if (inLink(t)) linkChars[0] += s.strip().length();
                } else if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                    flush(out, text, linkChars);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.tagName())) flush(out, text, linkChars);
            }
        }, root);
        flush(out, text, linkChars);
        return out;
    }

    private static boolean inLink(Node n) {
        for (Node p = n.parent(); p != null; p = p.parent()) if (p instanceof Element e && e.tagName().equals("a")) return true;
        return false;
    }

    private static void flush(List<String> out, StringBuilder text, int[] linkChars) {
        String s = text.toString().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        int links = linkChars[0];
        text.setLength(0);
        linkChars[0] = 0;
        if (s.isEmpty() || !s.chars().anyMatch(Character::isLetter)) return;
        if ((double) links / s.length() > MAX_LINK_SHARE) return;
        out.add(s);
    }
}
