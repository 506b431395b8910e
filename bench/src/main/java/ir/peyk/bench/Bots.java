package ir.peyk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How each side is started against the fake, each in a fresh folder. */
final class Bots {
    static final String TOKEN = "123456:BENCH-token";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Bots() {}

    static String label(String side) {
        return side.equals("peyk") ? "Peyk" : "TelegramBots + BM25";
    }

    static BotProcess start(String side, Settings s, Workload w, FakeBotApi fake, Path dir) throws IOException {
        return side.equals("peyk") ? peyk(s, w, fake, dir) : telegramBots(s, w, fake, dir);
    }

    /**
     * {@code bin/peyk --config DIR/config/peyk.yaml run}, the way the README runs Peyk (its JVM defaults and the jar's
     * CDS archive; the launcher execs java, so the process is the JVM), or with {@code --peyk-plain}
     * {@code java -jar peyk.jar …} on the JVM's defaults: the telegram transport polling the fake, the throttles off
     * (0 turns a limit off), a fresh SQLite store in DIR — durable as in production: every update is stored before it
     * is handled.
     */
    private static BotProcess peyk(Settings s, Workload w, FakeBotApi fake, Path dir) throws IOException {
        Path config = dir.resolve("config/peyk.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                store: %s
                article: %s
                transports:
                  console:
                    enabled: false
                  telegram:
                    enabled: true
                    apiUrl: %s
                    mode: polling
                throttle:
                  overallPerSecond: 0
                  perChatPerSecond: 0
                  perGroupPerMinute: 0
                """.formatted(dir.resolve("peyk.db"), w.article(), fake.url()));
        List<String> peyk = List.of("--config", config.toString(), "run");
        List<String> cmd = new ArrayList<>();
        Map<String, String> env = new HashMap<>(Map.of("PEYK_TELEGRAM_TOKEN", TOKEN));
        if (s.peykPlain()) {
            cmd.add(JAVA);
            cmd.addAll(s.peykJvm());
            cmd.addAll(List.of("-jar", s.peykJar().toString()));
        } else {
            cmd.add(s.repo().resolve("bin/peyk").toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("PEYK_JAR", s.peykJar().toString());
            env.put("PEYK_JAVA_OPTS", String.join(" ", s.peykJvm()));
        }
        cmd.addAll(peyk);
        return BotProcess.start("peyk", cmd, env, dir);
    }

    /** The comparison bot ({@code tb.Bm25Bot}) from the bench's own class path. */
    private static BotProcess telegramBots(Settings s, Workload w, FakeBotApi fake, Path dir) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA);
        cmd.addAll(s.tbJvm());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "ir.peyk.bench.tb.Bm25Bot",
                fake.url(), w.article().toString()));
        return BotProcess.start("tb", cmd, Map.of("BENCH_BOT_TOKEN", TOKEN), dir);
    }
}
