package ir.peyk.ingest;

import ir.peyk.text.PersianText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A news page read: its metadata and the article's paragraphs. {@link #toText()} writes it in the plain-text shape
 * the article parser reads (title, outlet/date line, author line, paragraphs), which is what the store keeps.
 */
public record NewsPage(PageMeta meta, List<String> paragraphs) {
    /** Fewer words than this in the paragraphs and the page is not an article (a home page, a search page, a wall). */
    static final int MIN_WORDS = 40;
    /** Short lines before the first paragraph of at least this many words are page furniture. */
    static final int MIN_LEAD_WORDS = 8;

    public NewsPage {
        paragraphs = List.copyOf(paragraphs);
    }

    /**
     * Parses {@code html} ({@code charset} null: the page's {@code <meta charset>} decides, UTF-8 when it names none).
     *
     * @throws IngestException for binary content and for pages with no article text
     */
    public static NewsPage read(byte[] html, Charset charset, String url) throws IngestException {
        if (html.length == 0) throw new IngestException("the page is empty");
        int nul = 0;
        for (int i = 0; i < Math.min(html.length, 8192); i++) if (html[i] == 0) nul++;
        if (nul > 0) throw new IngestException("the page is binary (it contains NUL bytes), not HTML");
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), charset == null ? null : charset.name(), url == null ? "" : url);
        } catch (IOException | RuntimeException e) {
            throw new IngestException("the page could not be read as HTML (" + e.getClass().getSimpleName() + ")");
        }
        PageMeta meta = PageMeta.of(doc);
        List<String> paragraphs = new ArrayList<>(MainText.of(doc, meta.declaredArticle()));
        String titleKey = meta.title() == null ? null : PersianText.key(meta.title());
        paragraphs.removeIf(p -> PersianText.key(p).equals(titleKey));
        // A kicker, a date or a byline above the text is a short line: the article starts at its first real paragraph.
        while (!paragraphs.isEmpty() && PersianText.keyWords(paragraphs.get(0)).size() < MIN_LEAD_WORDS) paragraphs.remove(0);
        // The lead often stands outside the body block (and out of the DOM's text in some pages): the description is it.
        if (meta.lead() != null && PersianText.keyWords(meta.lead()).size() >= 8 && !paragraphs.isEmpty()) {
            String leadKey = PersianText.key(meta.lead());
            String probe = leadKey.substring(0, Math.min(40, leadKey.length()));
            if (paragraphs.stream().noneMatch(p -> PersianText.key(p).contains(probe))) paragraphs.add(0, meta.lead());
        }
        int words = paragraphs.stream().mapToInt(p -> PersianText.keyWords(p).size()).sum();
        if (words < MIN_WORDS) {
            throw new IngestException("the page has no article text (" + words + " words of running text): is it a"
                    + " home page, a search page or a login wall? Give the address of one article");
        }
        return new NewsPage(meta, paragraphs);
    }

    /** The page in the plain-text article shape: title, outlet/date line, author line, blank-separated paragraphs. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        if (meta.title() != null) b.append(oneLine(meta.title())).append('\n');
        String outlet = meta.outlet() == null ? null : oneLine(meta.outlet());
        String date = meta.published() == null ? null : oneLine(meta.published());
        if (outlet != null || date != null) {
            b.append(outlet == null ? date : date == null ? outlet : outlet + "، " + date).append('\n');
        }
        if (meta.author() != null) b.append("نویسنده: ").append(oneLine(meta.author())).append('\n');
        for (String p : paragraphs) b.append('\n').append(p).append('\n');
        return b.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
