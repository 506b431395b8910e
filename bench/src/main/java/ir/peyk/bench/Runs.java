package ir.peyk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The scenarios, each in a bot JVM of its own or following another in the same JVM:
 * <ul>
 *   <li>JVM A: cold burst over the wide chats, then (the cold burst being its warm-up) the warm burst over the same
 *       chats, then the paced run;</li>
 *   <li>JVM B: cold burst over the narrow chats (one chat's messages are answered in order, so fewer chats means
 *       less parallelism).</li>
 * </ul>
 * A burst injects all its updates at once when the bot is polling; updates/s is N over the time from injection to
 * the last reply, latency is each reply's arrival minus its update's injection (queueing included).
 */
final class Runs {
    static final String COLD_WIDE = "cold burst, wide";
    static final String COLD_NARROW = "cold burst, narrow";
    static final String WARM_WIDE = "warm burst, wide";
    static final String PACED = "paced";

    /** One scenario's measurement; {@code replied < updates} when the bot did not answer everything in time. */
    record Result(String scenario, String side, int rep, int updates, int replied, double updatesPerSecond,
                  double p50Millis, double p99Millis, double cpuMillisPerUpdate, double peakRssMb,
                  double fakeCpuMillisPerUpdate) {}

    /** One bot JVM's start: from process start to its first getUpdates at the fake. */
    record Start(String side, double startToFirstPollMillis) {}

    /** A started bot with nothing to do: its resident memory and the CPU it spends anyway (timers, polls, JIT). */
    record Idle(String side, double rssMb, double cpuMillisPerSecond) {}

    private final Settings settings;
    private final Workload workload;
    private final FakeBotApi fake;
    private final Path work;
    final List<Result> results = new ArrayList<>();
    final List<Start> starts = new ArrayList<>();
    final List<Idle> idles = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Runs(Settings settings, Workload workload, FakeBotApi fake, Path work) {
        this.settings = settings;
        this.workload = workload;
        this.fake = fake;
        this.work = work;
    }

    String describe(String scenario) {
        return switch (scenario) {
            case COLD_WIDE -> "cold JVM, " + settings.updates() + " over " + settings.wideChats() + " chats";
            case COLD_NARROW -> "cold JVM, " + settings.updates() + " over " + settings.narrowChats() + " chats";
            case WARM_WIDE -> "warm (after " + settings.updates() + "), " + settings.updates() + " over "
                    + settings.wideChats() + " chats";
            default -> settings.pacedRate() + " upd/s offered for " + settings.pacedSeconds() + " s, warm";
        };
    }

    void jvmA(String side, int rep) throws Exception {
        try (BotProcess bot = launch(side, rep, "a")) {
            if (bot == null) return;
            idle(bot);
            burst(bot, COLD_WIDE, rep, settings.wideChats());
            Thread.sleep(1000); // let trailing work (stores marking rows done) settle before the next clock starts
            burst(bot, WARM_WIDE, rep, settings.wideChats());
            Thread.sleep(1000);
            paced(bot, rep);
        }
    }

    void jvmB(String side, int rep) throws Exception {
        try (BotProcess bot = launch(side, rep, "b")) {
            if (bot == null) return;
            burst(bot, COLD_NARROW, rep, settings.narrowChats());
        }
    }

    /** Idle after start: 2 s to settle (the JIT finishing the start's methods), then 3 s measured. */
    private void idle(BotProcess bot) throws InterruptedException {
        Thread.sleep(2000);
        long cpu0 = bot.cpuTicks();
        long t0 = System.nanoTime();
        Thread.sleep(3000);
        long cpu = bot.cpuTicks() - cpu0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        Idle i = new Idle(bot.side, bot.rssKb() / 1024.0, cpu * 1000.0 / BotProcess.TICKS / seconds);
        idles.add(i);
        log("%s idle after start: rss %.0f MB, cpu %.1f ms/s", bot.side, i.rssMb(), i.cpuMillisPerSecond());
    }

    /** Starts a bot and waits for its first poll; null (and a note) when it never polls. */
    private BotProcess launch(String side, int rep, String jvm) throws Exception {
        fake.newSession();
        Path dir = Files.createDirectories(work.resolve(side + "-" + rep + jvm));
        BotProcess bot = Bots.start(side, settings, workload, fake, dir);
        long polled = fake.awaitFirstPoll(60_000);
        if (polled == 0) {
            notes.add(side + " rep " + rep + jvm + ": no getUpdates within 60 s; stderr:\n" + bot.stderrTail(20));
            bot.close();
            return null;
        }
        double ms = (polled - bot.startedNanos) / 1e6;
        starts.add(new Start(side, ms));
        log("%s rep %d%s: pid %d, first poll %.0f ms after start", side, rep, jvm, bot.pid(), ms);
        return bot;
    }

    private void burst(BotProcess bot, String scenario, int rep, int chats) throws Exception {
        Workload.Batch batch = workload.batch(settings.updates(), chats);
        fake.ledger.expect(batch.size());
        long cpu0 = bot.cpuTicks();
        long self0 = selfTicks();
        long t0 = fake.inject(batch.chats(), batch.texts(), batch.size());
        boolean all = await(bot, Math.max(120_000, batch.size() * 20L));
        record(bot, scenario, rep, batch.size(), all, t0, cpu0, self0);
    }

    /** Updates injected one by one on a fixed schedule; the clock of each is its own injection. */
    private void paced(BotProcess bot, int rep) throws Exception {
        int n = settings.pacedRate() * settings.pacedSeconds();
        Workload.Batch batch = workload.batch(n, settings.wideChats());
        fake.ledger.expect(n);
        long period = 1_000_000_000L / settings.pacedRate();
        long cpu0 = bot.cpuTicks();
        long self0 = selfTicks();
        long t0 = System.nanoTime();
        long[] chat = new long[1];
        String[] text = new String[1];
        for (int i = 0; i < n; i++) {
            long due = t0 + i * period;
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) LockSupport.parkNanos(left);
            chat[0] = batch.chats()[i];
            text[0] = batch.texts()[i];
            fake.inject(chat, text, 1);
        }
        boolean all = await(bot, 120_000);
        record(bot, PACED, rep, n, all, t0, cpu0, self0);
    }

    /** Waits for every reply, giving up early when the bot's process has died. */
    private boolean await(BotProcess bot, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (fake.ledger.await(Math.min(1000, deadline - System.currentTimeMillis()))) return true;
            if (!bot.process.isAlive()) return false;
        }
        return false;
    }

    private void record(BotProcess bot, String scenario, int rep, int n, boolean all, long t0, long cpu0, long self0) {
        Ledger l = fake.ledger;
        int replied = l.replied();
        long end = all ? l.lastReplyNanos() : System.nanoTime();
        long cpu = bot.cpuTicks() - cpu0;
        long self = selfTicks() - self0;
        long[] lat = l.sortedLatencies();
        double perTick = 1000.0 / BotProcess.TICKS;
        Result r = new Result(scenario, bot.side, rep, n, replied, replied / ((end - t0) / 1e9),
                Ledger.percentile(lat, 50) / 1e6, Ledger.percentile(lat, 99) / 1e6,
                cpu * perTick / Math.max(1, replied), bot.peakRssKb() / 1024.0, self * perTick / Math.max(1, replied));
        results.add(r);
        log("%s rep %d %s: %d/%d replies, %.0f upd/s, p50 %.2f ms, p99 %.2f ms, cpu %.3f ms/upd, peak rss %.0f MB%s",
                bot.side, rep, scenario, replied, n, r.updatesPerSecond(), r.p50Millis(), r.p99Millis(),
                r.cpuMillisPerUpdate(), r.peakRssMb(), l.extra() > 0 ? ", " + l.extra() + " extra replies" : "");
        if (!all) notes.add(bot.side + " rep " + rep + " " + scenario + ": only " + replied + " of " + n
                + " replies before the timeout; stderr:\n" + bot.stderrTail(10));
        if (rep == 1 && scenario.equals(COLD_WIDE)) {
            notes.add(Bots.label(bot.side) + ": calls " + fake.calls() + "; a reply: "
                    + String.valueOf(l.sampleReply()).replace('\n', ' '));
        }
    }

    /** CPU ticks of this JVM (the fake and the injector), to show what the fake cost the shared cores. */
    private static long selfTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
