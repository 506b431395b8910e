package ir.peyk.ingest;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleException;
import ir.peyk.article.ArticleMeta;
import ir.peyk.article.ArticleParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an article comes from — a text file, a saved HTML page or a page's address — made into an {@link Article}.
 * Everything is checked before anything is stored: a refused source leaves no trace.
 */
public final class Sources {
    private final PageFetcher fetcher;

    public Sources(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** A file name or an http(s) address, as the operator typed it. */
    public Article read(String source) throws IngestException {
        return PageFetcher.isUrl(source) ? fromUrl(source) : fromFile(Path.of(source));
    }

    public Article fromUrl(String url) throws IngestException {
        FetchedPage page = fetcher.fetch(url);
        try {
            return parse(NewsPage.read(page.body(), page.charset(), page.url()).toText());
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    /** A bug of ours or of a library on a hostile page is still one line for the operator, never a stack trace. */
    private static IngestException unexpected(RuntimeException e) {
        return new IngestException("the page could not be read (" + e.getClass().getSimpleName() + "); save its text"
                + " and ingest the file");
    }

    public Article fromFile(Path file) throws IngestException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) throw new IngestException(file + " is a folder, not a file");
            if (!Files.exists(file)) throw new IngestException(file + ": no such file");
            if (!Files.isRegularFile(file)) throw new IngestException(file + " is not a regular file");
            long size = Files.size(file);
            if (size > ArticleParser.MAX_BYTES) {
                throw new IngestException(file + ": the file is " + size + " bytes; articles over "
                        + ArticleParser.MAX_BYTES + " bytes (1 MiB) are refused");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IngestException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IngestException(file + ": no permission to read it");
        } catch (IOException e) {
            throw new IngestException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        try {
            if (isHtml(file, bytes)) return parse(NewsPage.read(bytes, null, file.toUri().toString()).toText());
            return ArticleParser.parse(bytes);
        } catch (IngestException e) {
            throw new IngestException(file + ": " + e.getMessage());
        } catch (ArticleException e) {
            throw new IngestException(file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new IngestException(file + ": " + unexpected(e).getMessage());
        }
    }

    /** A saved page: named .html/.htm, or starting (after a BOM and blanks) with a doctype or an html tag. */
    static boolean isHtml(Path file, byte[] bytes) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) return true;
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static Article parse(String text) throws IngestException {
        try {
            return ArticleParser.parse(text);
        } catch (ArticleException e) {
            throw new IngestException(e.getMessage());
        }
    }

    /** What the article's text gave, by field name, for reports ("title", "outlet", "date", "time", "author" …). */
    public static List<String> given(ArticleMeta m) {
        List<String> out = new ArrayList<>();
        for (String f : FIELDS) if (value(m, f) != null) out.add(f);
        return out;
    }

    /** What it did not give (see {@link ArticleMeta#notGiven()}). */
    public static List<String> missing(ArticleMeta m) {
        return m.notGiven();
    }

    private static final List<String> FIELDS = List.of("title", "outlet", "date", "time", "author", "agency", "service");

    /** A field's value as text, or null. */
    public static String value(ArticleMeta m, String field) {
        return switch (field) {
            case "title" -> m.title();
            case "outlet" -> m.outlet();
            case "date" -> m.published() != null ? m.published() + " (" + m.publishedIso() + ")"
                    : m.publishedDayMonth() != null ? m.publishedDayMonth() + " (no year)" : null;
            case "time" -> m.time();
            case "author" -> m.author();
            case "agency" -> m.agency();
            case "service" -> m.service();
            default -> null;
        };
    }
}
