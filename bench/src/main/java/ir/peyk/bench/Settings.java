package ir.peyk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command line. {@code --quick} shrinks everything for a fast look (one repetition, 2,000-update
 * bursts, a 5-second paced run); the numbers it gives are rougher.
 */
record Settings(Path repo, Path peykJar, List<String> sides, int reps, int updates, int wideChats, int narrowChats,
                int pacedRate, int pacedSeconds, List<String> peykJvm, boolean peykPlain, List<String> tbJvm, Path out, boolean keep) {

    static final String USAGE = """
            usage: run.sh [options]
              --quick              one repetition, 2,000-update bursts over 200/20 chats, 5 s paced (a fast look)
              --only peyk|tb       run one side only
              --reps N             repetitions (default 3)
              --updates N          updates per burst (default 5000)
              --chats WIDE,NARROW  chats of the two bursts (default 500,50)
              --paced RATE,SECONDS the paced run (default 300,10)
              --peyk-jvm "OPTS"    JVM options for Peyk after bin/peyk's defaults (PEYK_JAVA_OPTS), e.g. "-Xmx128m"
              --peyk-plain         run Peyk as `java [--peyk-jvm OPTS] -jar JAR`: the JVM's defaults, no CDS archive
              --tb-jvm "OPTS"      JVM options for the TelegramBots bot
              --peyk-jar FILE      the Peyk jar to run (default REPO/target/peyk.jar)
              --out FILE           also write the report there
              --keep               keep the bots' folders (stores, stdout.log, stderr.log) and say where
              --no-build           (run.sh) do not rebuild Peyk's jar first
            """;

    static Settings parse(String[] args) {
        Path repo = Path.of(System.getProperty("bench.repo", "..")).toAbsolutePath().normalize();
        Path jar = null;
        Path out = null;
        List<String> sides = List.of("peyk", "tb");
        int reps = 3;
        int updates = 5000;
        int wide = 500;
        int narrow = 50;
        int rate = 300;
        int seconds = 10;
        List<String> peykJvm = List.of();
        List<String> tbJvm = List.of();
        boolean quick = false;
        boolean keep = false;
        boolean plain = false;
        Integer repsSet = null;
        Integer updatesSet = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--keep" -> keep = true;
                case "--peyk-plain" -> plain = true;
                case "--only" -> {
                    String s = value(args, ++i, a);
                    if (!s.equals("peyk") && !s.equals("tb")) throw new IllegalArgumentException("--only takes peyk or tb");
                    sides = List.of(s);
                }
                case "--reps" -> repsSet = positive(value(args, ++i, a), a);
                case "--updates" -> updatesSet = positive(value(args, ++i, a), a);
                case "--chats" -> {
                    int[] v = pair(value(args, ++i, a), a);
                    wide = v[0];
                    narrow = v[1];
                }
                case "--paced" -> {
                    int[] v = pair(value(args, ++i, a), a);
                    rate = v[0];
                    seconds = v[1];
                }
                case "--peyk-jvm" -> peykJvm = words(value(args, ++i, a));
                case "--tb-jvm" -> tbJvm = words(value(args, ++i, a));
                case "--peyk-jar" -> jar = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--repo" -> repo = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                case "--out" -> out = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (quick) {
            reps = 1;
            updates = 2000;
            wide = 200;
            narrow = 20;
            seconds = 5;
        }
        if (repsSet != null) reps = repsSet;
        if (updatesSet != null) updates = updatesSet;
        if (jar == null) jar = repo.resolve("target/peyk.jar");
        if (sides.contains("peyk") && !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is missing: build it (mvn -q -DskipTests package) or pass --peyk-jar");
        }
        return new Settings(repo, jar, sides, reps, updates, wide, narrow, rate, seconds, peykJvm, plain, tbJvm, out, keep);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int positive(String s, String option) {
        try {
            int n = Integer.parseInt(s.strip());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(option + " takes a positive whole number, not '" + s + "'");
    }

    private static int[] pair(String s, String option) {
        String[] p = s.split(",");
        if (p.length != 2) throw new IllegalArgumentException(option + " takes two numbers, e.g. 500,50");
        return new int[] {positive(p[0], option), positive(p[1], option)};
    }

    private static List<String> words(String s) {
        return new ArrayList<>(Arrays.asList(s.strip().isEmpty() ? new String[0] : s.strip().split("\\s+")));
    }
}
