package ir.peyk.handler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What our buttons carry, and the codec for it. Platforms limit callback data to 64 bytes and hand it back verbatim
 * — or not: a client may send anything, an old message may carry data of an older version. So {@link #decode} trusts
 * nothing: it checks the size, the shape and every number's range, and answers empty rather than throwing.
 *
 * <pre>
 *   sum:3           "more of the summary" (3 sentences are shown)
 *   quote:5         "another quote" (quote 5 of the article's quotes is shown; -1 when none)
 *   qw:2:word       "another quote" among those matching word (match 2 is shown)
 *   ev:1a2b3c:4,7   "show the evidence": sentences 4 and 7 of the article whose id starts with 1a2b3c
 * </pre>
 */
public sealed interface CallbackData {
    int MAX_BYTES = 64;
    /** Sentence or quote indexes above this are not ours (no news article is that long). */
    int MAX_INDEX = 9999;
    int MAX_EVIDENCE = 6;

    String encode();

    record MoreSummary(int shown) implements CallbackData {
        @Override
        public String encode() {
            return "sum:" + shown;
        }
    }

    record NextQuote(int current) implements CallbackData {
        @Override
        public String encode() {
            return "quote:" + current;
        }
    }

    /** Cycles through the quotes matching {@code word}; {@link #encode} is null when the word makes it too long. */
    record NextMatchingQuote(int current, String word) implements CallbackData {
        @Override
        public String encode() {
            String s = "qw:" + current + ":" + word;
            return fits(s) ? s : null;
        }
    }

    record ShowEvidence(String article, List<Integer> sentences) implements CallbackData {
        public ShowEvidence {
            sentences = List.copyOf(sentences.subList(0, Math.min(MAX_EVIDENCE, sentences.size())));
        }

        @Override
        public String encode() {
            StringBuilder b = new StringBuilder("ev:").append(article).append(':');
            for (int i = 0; i < sentences.size(); i++) b.append(i == 0 ? "" : ",").append(sentences.get(i));
            return b.toString();
        }
    }

    /** A short tag of an article id, for data that is only valid for that article. */
    static String articleTag(String articleId) {
        StringBuilder b = new StringBuilder(6);
        if (articleId != null) {
            for (int i = 0; i < articleId.length() && b.length() < 6; i++) {
                char c = articleId.charAt(i);
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) b.append(c);
            }
        }
        return b.length() == 0 ? "0" : b.toString();
    }

    static boolean fits(String data) {
        return data.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** The data a button press carried, or empty when it is not (or no longer) ours. Never throws. */
    static Optional<CallbackData> decode(String data) {
        if (data == null || data.isEmpty() || data.length() > MAX_BYTES || !fits(data)) return Optional.empty();
        int colon = data.indexOf(':');
        if (colon < 0) return Optional.empty();
        String kind = data.substring(0, colon);
        String rest = data.substring(colon + 1);
        switch (kind) {
            case "sum": {
                int n = index(rest);
                return n >= 1 && n <= 100 ? Optional.of(new MoreSummary(n)) : Optional.empty();
            }
            case "quote": {
                if (rest.equals("next")) return Optional.of(new NextQuote(-1));
                if (rest.equals("-1")) return Optional.of(new NextQuote(-1));
                int n = index(rest);
                return n >= 0 ? Optional.of(new NextQuote(n)) : Optional.empty();
            }
            case "qw": {
                int c = rest.indexOf(':');
                if (c < 0) return Optional.empty();
                int n = index(rest.substring(0, c));
                String word = SafeText.clean(rest.substring(c + 1));
                return n >= 0 && !word.isEmpty() ? Optional.of(new NextMatchingQuote(n, word)) : Optional.empty();
            }
            case "ev": {
                int c = rest.indexOf(':');
                if (c <= 0) return Optional.empty();
                String tag = rest.substring(0, c);
                if (!tag.equals(articleTag(tag))) return Optional.empty();
                List<Integer> idx = new ArrayList<>();
                for (String part : rest.substring(c + 1).split(",", -1)) {
                    int n = index(part);
                    if (n < 0 || idx.size() == MAX_EVIDENCE) return Optional.empty();
                    if (!idx.contains(n)) idx.add(n);
                }
                return idx.isEmpty() ? Optional.empty() : Optional.of(new ShowEvidence(tag, idx));
            }
            default:
                return Optional.empty();
        }
    }

    /** A non-negative decimal index of at most four ASCII digits, or -1. */
    private static int index(String s) {
        if (s.isEmpty() || s.length() > 4) return -1;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n <= MAX_INDEX ? n : -1;
    }
}
