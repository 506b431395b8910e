package ir.peyk.console;

import ir.peyk.article.ArticleParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads an article from a URL for the console's ingest form: plain text only until the HTML ingestion lands (an HTML
 * page is refused with a message saying what to do), at most {@link ArticleParser#MAX_BYTES}, with short timeouts.
 */
final class ArticleFetcher {
    static final class FetchException extends Exception {
        FetchException(String message) {
            super(message);
        }
    }

    private final OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(30)).followRedirects(true).build();

    byte[] fetch(String url) throws FetchException {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) throw new FetchException("not an http(s) URL: give a full address such as https://example.com/news.txt");
        try (Response r = http.newCall(new Request.Builder().url(u).header("Accept", "text/plain").build()).execute()) {
            if (!r.isSuccessful()) throw new FetchException(u.host() + " answered " + r.code() + "; check the address");
            ResponseBody body = r.body();
            String type = body == null || body.contentType() == null ? "" : body.contentType().type() + "/" + body.contentType().subtype();
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                throw new FetchException("that address is an HTML page; until Peyk reads news pages, paste the article's "
                        + "text or give the address of a .txt file");
            }
            if (body == null) throw new FetchException(u.host() + " sent no body");
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes(ArticleParser.MAX_BYTES + 1);
                if (bytes.length > ArticleParser.MAX_BYTES) {
                    throw new FetchException("the document is larger than " + ArticleParser.MAX_BYTES + " bytes (1 MiB); "
                            + "an article is a few KiB");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new FetchException("could not read " + u.host() + ": " + e.getMessage());
        }
    }
}
