package ir.peyk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An article and its labelled questions. A folder holds sets as {@code NAME.fa.txt} beside {@code NAME.jsonl}, or
 * names them in a {@code sets.tsv} (one {@code QUESTIONS.jsonl<TAB>ARTICLE} a line, paths relative to the folder) when
 * several question files share an article.
 */
public record QaSet(String name, Path article, List<QaItem> items) {
    public QaSet {
        items = List.copyOf(items);
    }

    /** Every set in {@code folder}, sorted by name. */
    public static List<QaSet> load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException(folder + " is not a folder of question sets");
        List<QaSet> out = new ArrayList<>();
        Path manifest = folder.resolve("sets.tsv");
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.split("\t");
                if (p.length != 2) throw new IOException(manifest + ": expected QUESTIONS<TAB>ARTICLE, got: " + line);
                Path questions = folder.resolve(p[0].strip());
                out.add(new QaSet(p[0].strip().replace(".jsonl", ""), folder.resolve(p[1].strip()).normalize(),
                        items(questions)));
            }
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path q : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                String name = q.getFileName().toString().replace(".jsonl", "");
                Path article = folder.resolve(name + ".fa.txt");
                if (Files.isRegularFile(article)) out.add(new QaSet(name, article, items(q)));
            }
        }
        if (out.isEmpty()) throw new IOException(folder + " has no NAME.jsonl beside a NAME.fa.txt, and no sets.tsv");
        return out;
    }

    /** The questions of one JSON-lines file ({@code id, q, expect, answerable}). */
    public static List<QaItem> items(Path jsonl) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<QaItem> out = new ArrayList<>();
        int line = 0;
        for (String s : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            line++;
            if (s.isBlank()) continue;
            JsonNode n;
            try {
                n = m.readTree(s);
            } catch (IOException e) {
                throw new IOException(jsonl + ":" + line + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (!n.hasNonNull("q") || !n.has("answerable")) throw new IOException(jsonl + ":" + line + ": needs q and answerable");
            List<List<String>> expect = new ArrayList<>();
            for (JsonNode group : n.path("expect")) {
                List<String> alts = new ArrayList<>();
                group.forEach(a -> alts.add(a.asText()));
                expect.add(alts);
            }
            out.add(new QaItem(n.path("id").asText("#" + line), n.get("q").asText(), expect, n.get("answerable").asBoolean()));
        }
        return out;
    }
}
