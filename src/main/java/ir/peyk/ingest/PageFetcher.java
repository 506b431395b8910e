package ir.peyk.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads a news page over HTTP(S): redirects followed (a loop ends with a clear error), connect/read/total timeouts,
 * at most 1 MiB read, HTML only. Every failure is an {@link IngestException} with one line naming the problem.
 */
public final class PageFetcher {
    public static final int MAX_BYTES = 1 << 20;
    private static final String USER_AGENT = "Mozilla/5.0 (compatible; Peyk news reader)";

    private final OkHttpClient client;

    public PageFetcher() {
        this(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    public PageFetcher(Duration connect, Duration read, Duration total) {
        this.client = new OkHttpClient.Builder()
                .connectTimeout(connect).readTimeout(read).callTimeout(total)
                .followRedirects(true).followSslRedirects(true)
                .build();
    }

    /** Whether {@code s} is an http(s) address (anything else is a file name). */
    public static boolean isUrl(String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        return (l.startsWith("http://") || l.startsWith("https://")) && HttpUrl.parse(s.strip()) != null;
    }

    public FetchedPage fetch(String url) throws IngestException {
        HttpUrl u = HttpUrl.parse(url.strip());
        if (u == null) throw new IngestException(url + " is not a web address (expected http:// or https://…)");
        Request request = new Request.Builder().url(u).header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1").build();
        try (Response r = client.newCall(request).execute()) {
            int code = r.code();
            if (code == 404 || code == 410) throw new IngestException("the page was not found (HTTP " + code + ")");
            if (code == 401 || code == 403) {
                throw new IngestException("the page is behind a login or refuses readers (HTTP " + code + ")");
            }
            if (code >= 300) throw new IngestException("the server answered HTTP " + code + " instead of the page");
            ResponseBody body = r.body();
            MediaType type = body == null ? null : body.contentType();
            String mime = type == null ? null : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
            if (mime != null && !mime.equals("text/html") && !mime.equals("application/xhtml+xml")) {
                throw new IngestException("the address is not a web page (content type " + mime + ")");
            }
            long declared = body == null ? -1 : body.contentLength();
            if (declared > MAX_BYTES) throw new IngestException(tooLarge(declared));
            byte[] bytes = read(body);
            Charset charset = null;
            try {
                charset = type == null ? null : type.charset();
            } catch (RuntimeException e) {
                // an unknown charset name: let the page's own <meta> decide
            }
            return new FetchedPage(r.request().url().toString(), bytes, charset);
        } catch (IngestException e) {
            throw e;
        } catch (ProtocolException e) {
            String m = String.valueOf(e.getMessage());
            throw new IngestException(m.contains("follow-up") ? "the page redirects too often (a redirect loop?)"
                    : "the server broke the HTTP protocol (" + m + ")");
        } catch (InterruptedIOException e) { // a SocketTimeoutException, or the call timeout
            throw new IngestException("the page did not arrive in time (timeout); try again later or save the page"
                    + " and ingest the file");
        } catch (UnknownHostException e) {
            throw new IngestException("no such host: " + u.host());
        } catch (IOException e) {
            throw new IngestException("could not read the page (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static byte[] read(ResponseBody body) throws IOException, IngestException {
        if (body == null) return new byte[0];
        BufferedSource source = body.source();
        source.request(MAX_BYTES + 1L);
        if (source.getBuffer().size() > MAX_BYTES) throw new IngestException(tooLarge(-1));
        return source.getBuffer().readByteArray();
    }

    private static String tooLarge(long size) {
        return "the page is " + (size > 0 ? size + " bytes" : "over " + MAX_BYTES + " bytes") + "; pages over 1 MiB"
                + " are refused (save the article's text and ingest the file)";
    }
}
