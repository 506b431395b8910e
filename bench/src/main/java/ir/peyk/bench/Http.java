package ir.peyk.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Just enough HTTP/1.1 for the fake Bot API and its load generator: one request or response at a time on a
 * keep-alive connection, bodies by Content-Length (or chunked requests). Hand-written rather than the JDK's
 * HttpServer so the fake costs a few microseconds per call and never becomes the limit it is meant to measure around.
 */
final class Http {
    private Http() {}

    /** One request: the path with its query string, the content type (lower case, may be "") and the body. */
    record Request(String path, String contentType, byte[] body, boolean keepAlive) {}

    /** Reads one request; null when the client closed the connection between requests. */
    static Request read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) return null;
        if (line.isEmpty()) line = line(in); // a stray CRLF between requests is allowed
        if (line == null) return null;
        int sp1 = line.indexOf(' ');
        int sp2 = line.lastIndexOf(' ');
        if (sp1 < 0 || sp2 <= sp1) throw new IOException("bad request line: " + line);
        String path = line.substring(sp1 + 1, sp2);
        boolean keepAlive = !line.endsWith("HTTP/1.0");
        int length = 0;
        boolean chunked = false;
        String type = "";
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon < 0) continue;
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "content-type" -> type = value.toLowerCase(Locale.ROOT);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body = chunked ? chunked(in) : in.readNBytes(length);
        if (body.length < length) throw new EOFException("body cut short");
        return new Request(path, type, body, keepAlive);
    }

    /** Writes one response with a JSON body. The caller flushes. */
    static void write(OutputStream out, int status, byte[] body, boolean keepAlive) throws IOException {
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Error")
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + (keepAlive ? "" : "\r\nConnection: close") + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
    }

    /** Reads a response's status and skips its headers and body (the load generator only counts answers). */
    static int skipResponse(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) throw new EOFException("connection closed");
        int length = 0;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            if (h.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(h.substring(15).trim());
        }
        in.skipNBytes(length);
        return Integer.parseInt(status.substring(9, 12));
    }

    /** One line without its CRLF (headers are ASCII); null at end of stream before any byte. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
                return sb.toString();
            }
            sb.append((char) c);
        }
        if (sb.length() == 0) return null;
        throw new EOFException("line cut short");
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) throw new EOFException("chunk cut short");
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                while (true) {
                    String trailer = line(in);
                    if (trailer == null || trailer.isEmpty()) return body.toByteArray();
                }
            }
            body.write(in.readNBytes(n));
            line(in);
        }
    }
}
