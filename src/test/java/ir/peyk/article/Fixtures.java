package ir.peyk.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test articles under src/test/resources/articles/ (copies: the tests never read ../shared). */
public final class Fixtures {
    public static final String DEFAULT = "government-services-domestic-messengers.fa.txt";
    public static final String IRNA = "irna-inflation.fa.txt";
    public static final String HAMSHAHRI = "hamshahri-metro.fa.txt";

    private Fixtures() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/articles/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource /articles/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static Article parse(String name) {
        try {
            return ArticleParser.parse(bytes(name));
        } catch (ArticleException e) {
            throw new AssertionError(name + " was refused: " + e.getMessage(), e);
        }
    }
}
