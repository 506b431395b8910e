package ir.peyk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark: the fake Bot API (its capacity measured first), then per repetition each scenario on each side,
 * the sides alternating (and taking turns to go first) so a change of machine load falls on both. Prints the
 * markdown report on stdout; progress goes to stderr.
 */
public final class Harness {
    private Harness() {}

    public static void main(String[] args) throws Exception {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = e.getMessage().isEmpty();
            if (!help) System.err.println("bench: " + e.getMessage());
            System.err.print(Settings.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        Workload w = Workload.load(s.repo());
        Path work = Files.createTempDirectory("peyk-bench-");
        long began = System.nanoTime();
        String loadBefore = loadAverage();
        try (FakeBotApi fake = new FakeBotApi()) {
            Runs.log("fake Bot API at %s; %d questions about %s", fake.url(), w.questions().size(), w.article());
            double capacity = LoadGen.sendMessagesPerSecond(fake, 8, s.reps() == 1 ? 1000 : 2000);
            Runs.log("fake capacity: %,.0f sendMessage/s", capacity);
            Runs runs = new Runs(s, w, fake, work);
            for (int rep = 1; rep <= s.reps(); rep++) {
                List<String> order = new ArrayList<>(s.sides());
                if (rep % 2 == 0) java.util.Collections.reverse(order);
                for (String side : order) runs.jvmA(side, rep);
                for (String side : order) runs.jvmB(side, rep);
            }
            double minutes = (System.nanoTime() - began) / 60e9;
            String header = header(s, w, capacity, loadBefore, loadAverage(), minutes);
            String report = Report.markdown(s, runs, header);
            if (!runs.notes.isEmpty()) report += "\nNotes:\n\n" + String.join("\n\n", runs.notes.stream()
                    .map(n -> "- " + n.replace("\n", "\n  ")).toList()) + "\n";
            System.out.print(report);
            if (s.out() != null) Files.writeString(s.out(), report);
        } finally {
            if (s.keep()) Runs.log("the bots' folders are kept in %s", work);
            else delete(work);
        }
    }

    private static String header(Settings s, Workload w, double capacity, String loadBefore, String loadAfter,
                                 double minutes) {
        return String.format(Locale.ROOT, """
                ## Peyk end-to-end benchmark, %s

                - %d repetition%s of %s, alternating; %.1f minutes
                - machine: %d cores, load average %s before and %s after (1, 5, 15 minutes)
                - JVM options: Peyk %s; TelegramBots %s
                - questions: %d Persian questions of the eval sets about `%s`, cycled over the chats
                - fake Bot API capacity: %,.0f sendMessage/s (8 keep-alive connections; the load generator shares
                  its JVM and the cores, so the fake serves at least that)
                """,
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), s.reps(),
                s.reps() == 1 ? "" : "s", String.join(" and ", s.sides().stream().map(Bots::label).toList()), minutes,
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
                (s.peykPlain() ? "`java -jar` (JVM defaults, no CDS archive)" : "`bin/peyk` (its defaults"
                        + (Files.exists(Path.of(s.peykJar().toString().replaceFirst("\\.jar$", ".jsa")))
                        ? " and CDS archive)" : "; no CDS archive)"))
                        + (s.peykJvm().isEmpty() ? "" : " + `" + String.join(" ", s.peykJvm()) + "`"),
                s.tbJvm().isEmpty() ? "(defaults)" : "`" + String.join(" ", s.tbJvm()) + "`", w.questions().size(),
                s.repo().relativize(w.article()), capacity);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
