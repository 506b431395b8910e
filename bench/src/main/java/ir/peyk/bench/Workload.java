package ir.peyk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bots are asked: the repo's default article (the {@code article:} of config/peyk.yaml) and the Persian
 * questions the team's eval sets ask about it (src/test/resources/eval/sets.tsv names each set's article, a copy of
 * the same text). Read at
 * run time, so the bench follows whatever article and questions the repo ships.
 */
record Workload(Path article, List<String> questions) {
    private static final Pattern ARTICLE = Pattern.compile("(?m)^article:\\s*(\\S+)");

    static Workload load(Path repo) throws IOException {
        String yaml = Files.readString(repo.resolve("config/peyk.yaml"));
        Matcher m = ARTICLE.matcher(yaml);
        if (!m.find()) throw new IOException("config/peyk.yaml names no article");
        Path article = repo.resolve(m.group(1)).toRealPath();
        Path eval = repo.resolve("src/test/resources/eval");
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(eval.resolve("sets.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t");
            // English sets are left out: the comparison bot's Persian analyzer could not read them, Peyk could
            if (cols.length < 2 || cols[0].toLowerCase(Locale.ROOT).contains("english")) continue;
            Path setArticle = eval.resolve(cols[1].strip()).normalize();
            if (Files.exists(setArticle) && Files.mismatch(setArticle, article) == -1) { // the tests keep a copy
                questions.addAll(questions(eval.resolve(cols[0].strip())));
            }
        }
        if (questions.isEmpty()) throw new IOException("no eval set asks about " + article);
        return new Workload(article, List.copyOf(questions));
    }

    /** The "q" of each line of a JSONL set. */
    private static List<String> questions(Path set) throws IOException {
        JsonFactory json = new JsonFactory();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(set)) {
            if (line.isBlank()) continue;
            try (JsonParser p = json.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) continue;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (name.equals("q") && t == JsonToken.VALUE_STRING) out.add(p.getText());
                    else p.skipChildren();
                }
            }
        }
        return out;
    }

    /** {@code n} messages over chats {@code 1..chats}, round robin, cycling through the questions. */
    Batch batch(int n, int chats) {
        long[] chat = new long[n];
        String[] text = new String[n];
        String[] quoted = questions.stream().map(Params::quote).toArray(String[]::new);
        for (int i = 0; i < n; i++) {
            chat[i] = 1 + (i % chats);
            text[i] = quoted[i % quoted.length];
        }
        return new Batch(chat, text);
    }

    /** Messages ready to inject: chat ids and texts as JSON string literals. */
    record Batch(long[] chats, String[] texts) {
        int size() {
            return chats.length;
        }
    }
}
