package ir.peyk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a news page says about itself, from {@code og:}/{@code article:} meta tags, then JSON-LD {@code NewsArticle},
 * then {@code <time datetime>} — in that order of trust. Any field may be null: the page did not give it.
 *
 * @param title     the headline
 * @param outlet    the site's name
 * @param published the publication date and time as "yyyy-MM-dd HH:mm" (Tehran time) or as the page writes it
 * @param author    the author
 * @param lead      the page's description (often the article's lead), or null
 * @param declaredArticle the page says it is an article ({@code og:type} article, a JSON-LD article, a publication
 *                  time)
 */
public record PageMeta(String title, String outlet, String published, String author, String lead,
                       boolean declaredArticle) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** What separates a site's name from its slogan or a headline from the site's name: «مهر | اخبار ایران». */
    private static final String PARTS = "\\s+[|\\-–—:»«]\\s+";

    public static PageMeta of(Document doc) {
        JsonNode ld = newsArticle(doc);
        String outlet = first(meta(doc, "og:site_name"), text(ld, "publisher", "name"), meta(doc, "application-name"));
        if (outlet != null) outlet = outlet.split(PARTS)[0].strip();
        String title = first(meta(doc, "og:title"), meta(doc, "twitter:title"), text(ld, "headline"), h1(doc),
                longestPart(doc.title()));
        title = withoutSiteName(title, outlet);
        String published = first(meta(doc, "article:published_time"), meta(doc, "og:published_time"),
                text(ld, "datePublished"), timeElement(doc));
        String author = first(notUrl(meta(doc, "article:author")), meta(doc, "author"), text(ld, "author", "name"));
        String lead = first(meta(doc, "og:description"), meta(doc, "description"), text(ld, "description"));
        String type = meta(doc, "og:type");
        boolean declared = ld != null || published != null || (type != null && type.toLowerCase(Locale.ROOT).contains("article"));
        return new PageMeta(title, outlet, published == null ? null : dateTime(published), author, lead, declared);
    }

    /** The fields that are missing, by name ("date", "author" …), for "what the page did not give". */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (title == null) out.add("title");
        if (outlet == null) out.add("outlet");
        if (published == null) out.add("date");
        if (author == null) out.add("author");
        return out;
    }

    /** An ISO instant becomes Tehran's local date and time; anything else is kept as the page writes it. */
    static String dateTime(String s) {
        String t = s.strip();
        try {
            return OffsetDateTime.parse(t).atZoneSameInstant(TEHRAN).format(OUT);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(t).format(OUT);
            } catch (DateTimeParseException e2) {
                return t.length() > 60 ? null : t;
            }
        }
    }

    private static String withoutSiteName(String title, String outlet) {
        if (title == null || outlet == null) return title;
        String[] parts = title.split(PARTS);
        if (parts.length < 2) return title;
        List<String> kept = new ArrayList<>();
        for (String p : parts) if (!p.strip().equals(outlet) && !outlet.contains(p.strip())) kept.add(p.strip());
        return kept.isEmpty() ? title : String.join(" - ", kept);
    }

    /** «کیهان - بازگشایی جاده چالوس»: the headline is the longest part of a page title; the site's name is short. */
    private static String longestPart(String title) {
        if (title == null) return null;
        String best = null;
        for (String p : title.split(PARTS)) if (best == null || p.strip().length() > best.length()) best = p.strip();
        return best;
    }

    private static String meta(Document doc, String name) {
        for (Element e : doc.select("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]")) {
            String c = e.attr("content").strip();
            if (!c.isEmpty()) return c;
        }
        return null;
    }

    private static String h1(Document doc) {
        Element h = doc.selectFirst("h1");
        return h == null || h.text().isBlank() ? null : h.text().strip();
    }

    private static String timeElement(Document doc) {
        Element t = doc.selectFirst("time[datetime]");
        return t == null ? null : t.attr("datetime");
    }

    private static String notUrl(String s) {
        return s == null || s.startsWith("http://") || s.startsWith("https://") ? null : s;
    }

    /** The first JSON-LD object whose @type is a news or other article (also inside @graph and arrays). */
    static JsonNode newsArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = find(JSON.readTree(script.data()));
                if (found != null) return found;
            } catch (Exception e) {
                // a broken JSON-LD block is the page's problem: the other sources still count
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode n) {
        if (n == null) return null;
        if (n.isArray()) {
            for (JsonNode x : n) {
                JsonNode f = find(x);
                if (f != null) return f;
            }
            return null;
        }
        if (!n.isObject()) return null;
        JsonNode type = n.get("@type");
        if (type != null) {
            for (JsonNode t : type.isArray() ? type : List.of(type)) {
                String s = t.asText().toLowerCase(Locale.ROOT);
                if (s.endsWith("newsarticle") || s.equals("article") || s.equals("reportage")) return n;
            }
        }
        return find(n.get("@graph"));
    }

    /** A text at {@code path} (an array's first element, an object's "name" when a string is wanted). */
    private static String text(JsonNode n, String... path) {
        JsonNode cur = n;
        for (String p : path) {
            if (cur == null) return null;
            if (cur.isArray()) cur = cur.size() == 0 ? null : cur.get(0);
            if (cur == null) return null;
            if (cur.isTextual() && p.equals("name")) break; // "author": "نام" instead of {"name": …}
            cur = cur.get(p);
        }
        if (cur != null && cur.isArray()) cur = cur.size() == 0 ? null : cur.get(0);
        if (cur != null && cur.isObject() && cur.has("name")) cur = cur.get("name");
        return cur == null || !cur.isTextual() || cur.asText().isBlank() ? null : cur.asText().strip();
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }
}
