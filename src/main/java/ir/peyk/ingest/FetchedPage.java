package ir.peyk.ingest;

import java.nio.charset.Charset;

/**
 * A page as the server sent it.
 *
 * @param url     the address it was read from, after redirects
 * @param body    the bytes (at most {@link PageFetcher#MAX_BYTES})
 * @param charset the charset the server declared, or null (then the page's own {@code <meta>} decides)
 */
public record FetchedPage(String url, byte[] body, Charset charset) {}
