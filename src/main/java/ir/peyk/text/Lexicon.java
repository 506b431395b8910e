package ir.peyk.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Linguistic data files on the classpath under {@code /peyk/lang/}: one entry a line, {@code #} starts a comment.
 * Keeping these out of code is what lets the bot read other articles: no word of any article lives in Java.
 */
public final class Lexicon {
    private Lexicon() {}

    /** The raw lines of {@code /peyk/lang/NAME}, comments and blank lines dropped, trimmed. */
    public static List<String> lines(String name) {
        String path = "/peyk/lang/" + name;
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int hash = line.indexOf('#');
                if (hash >= 0 && !line.startsWith("\\#")) line = line.substring(0, hash);
                line = line.strip();
                if (!line.isEmpty()) out.add(line);
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The entries of {@code NAME} in key space ({@link PersianText#key}), as a set. */
    public static Set<String> keySet(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : lines(name)) out.add(PersianText.key(l));
        // A hash set, not Set.copyOf: these are asked for every word of every question, and the immutable set's
        // probing was the answer path's hottest spot.
        return Collections.unmodifiableSet(out);
    }
}
