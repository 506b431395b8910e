package ir.peyk.ingest;

import ir.peyk.article.Article;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How long reading a news page takes (jsoup parse, main-text extraction, metadata, the text parser), run by hand (not
 * a test; figures go in the report):
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) ir.peyk.ingest.PageBench [rounds]
 * </pre>
 * Prints the median and the slowest time per page for each test page, and for a page padded to 1 MiB (the cap).
 */
public final class PageBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> names = List.of("isna-water.html", "irna-exports.html", "tasnim-wheat.html", "mehr-metro.html",
                "hamshahri-parks.html", "kayhan-road.html");
        for (String name : names) report(name, bytes(name), rounds);
        // The worst a page can be: 1 MiB, most of it a comment section of short paragraphs.
        String page = new String(bytes("isna-water.html"), StandardCharsets.UTF_8);
        StringBuilder pad = new StringBuilder("<section class=\"comments\">");
        String comment = "<div class=\"comment\"><p>نظر یک خواننده درباره این خبر، با چند واژه و یک ویرگول.</p></div>";
        int pageBytes = page.getBytes(StandardCharsets.UTF_8).length;
        int commentBytes = comment.getBytes(StandardCharsets.UTF_8).length;
        for (int b = pageBytes + 64; b + commentBytes < (1 << 20) - 64; b += commentBytes) pad.append(comment);
        byte[] big = page.replace("</body>", pad + "</section></body>").getBytes(StandardCharsets.UTF_8);
        report("1 MiB page (" + big.length + " bytes)", big, Math.max(5, rounds / 20));
    }

    private static void report(String name, byte[] html, int rounds) throws Exception {
        long[] t = new long[rounds];
        Article a = null;
        for (int i = 0; i < rounds + 20; i++) {               // 20 warm-up rounds
            long s = System.nanoTime();
            a = ir.peyk.article.ArticleParser.parse(NewsPage.read(html, null, "http://127.0.0.1/").toText());
            if (i >= 20) t[i - 20] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(t);
        System.out.printf("%-40s median %6.2f ms  max %6.2f ms  (%d sentences)%n", name, t[rounds / 2] / 1e6,
                t[rounds - 1] / 1e6, a.sentences().size());
    }

    private static byte[] bytes(String name) throws Exception {
        try (InputStream in = PageBench.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }
}
