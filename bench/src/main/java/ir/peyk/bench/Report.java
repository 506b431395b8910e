package ir.peyk.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The markdown report: per scenario and metric, each side's median over the repetitions with the range (min–max)
 * after it, and the ratio of the medians, Peyk / TelegramBots.
 */
final class Report {
    private record Metric(String name, ToDoubleFunction<Runs.Result> value, String format) {}

    private static final List<Metric> METRICS = List.of(
            new Metric("updates/s", Runs.Result::updatesPerSecond, "%,.0f"),
            new Metric("latency p50 (ms)", Runs.Result::p50Millis, "%,.2f"),
            new Metric("latency p99 (ms)", Runs.Result::p99Millis, "%,.1f"),
            new Metric("CPU per update (ms)", Runs.Result::cpuMillisPerUpdate, "%.3f"),
            new Metric("peak RSS (MB)", Runs.Result::peakRssMb, "%,.0f"));
    private static final List<String> SCENARIOS = List.of(Runs.COLD_WIDE, Runs.COLD_NARROW, Runs.WARM_WIDE, Runs.PACED);

    private static final String LEGEND = """
            A burst injects all its updates at once while the bot is polling: updates/s is N over the time from the
            injection to the last reply, and each latency is the reply's arrival minus its update's injection, so it
            includes the wait in the queue. The paced run injects one update at a time on a fixed schedule. CPU is
            utime + stime of the bot's JVM (every thread: workers, JIT, GC) from injection to the last reply, per
            update. Peak RSS is VmHWM of the bot's JVM so far: the warm and paced rows run in the JVM of the first
            cold row (its burst is their warm-up); the second cold row has a JVM of its own. Start to first poll:
            from starting the process to its first getUpdates (Peyk's includes ingesting the article into a fresh
            store). Idle: 2 s after the first poll, RSS (VmRSS) and the CPU spent over the next 3 s with nothing to do.
            """;

    private Report() {}

    static String markdown(Settings s, Runs runs, String header) {
        StringBuilder out = new StringBuilder(header);
        boolean both = s.sides().size() == 2;
        out.append("\n| scenario | metric | ").append(Bots.label("peyk")).append(" | ").append(Bots.label("tb"))
                .append(" | Peyk / TB |\n|---|---|---|---|---|\n");
        for (String scenario : SCENARIOS) {
            String name = runs.describe(scenario);
            for (Metric m : METRICS) {
                double[] p = values(runs, scenario, "peyk", m.value());
                double[] t = values(runs, scenario, "tb", m.value());
                out.append("| ").append(name).append(" | ").append(m.name()).append(" | ")
                        .append(cell(p, m.format())).append(" | ").append(cell(t, m.format())).append(" | ")
                        .append(both ? ratio(p, t) : "").append(" |\n");
                name = "";
            }
        }
        row(out, "every cold JVM", "start to first poll (ms)", starts(runs, "peyk"), starts(runs, "tb"), "%,.0f", both);
        row(out, "idle after start (first JVM)", "RSS (MB)", idle(runs, "peyk", Runs.Idle::rssMb),
                idle(runs, "tb", Runs.Idle::rssMb), "%,.0f", both);
        row(out, "", "CPU (ms per s)", idle(runs, "peyk", Runs.Idle::cpuMillisPerSecond),
                idle(runs, "tb", Runs.Idle::cpuMillisPerSecond), "%.1f", both);
        out.append(s.reps() == 1 ? "\nEach cell: one run." : "\nEach cell: the median of " + s.reps() + " runs (min–max).")
                .append(" Ratios are of the medians; above 1 means Peyk's is higher (better for updates/s, "
                        + "worse for the others).\n\n")
                .append(LEGEND);
        double fake = Arrays.stream(runs.results.stream().mapToDouble(Runs.Result::fakeCpuMillisPerUpdate).toArray())
                .average().orElse(Double.NaN);
        out.append(String.format(Locale.ROOT, "/proc counts CPU in clock ticks of %d ms, so the idle CPU moves in steps "
                + "of %.1f ms per s. The fake API and injector used %.3f ms of CPU per update on average (on the same "
                + "cores as the bot).%n", 1000 / BotProcess.TICKS, 1000.0 / BotProcess.TICKS / 3, fake));
        incomplete(runs, out);
        return out.toString();
    }

    private static void row(StringBuilder out, String scenario, String metric, double[] peyk, double[] tb,
                            String format, boolean both) {
        out.append("| ").append(scenario).append(" | ").append(metric).append(" | ").append(cell(peyk, format))
                .append(" | ").append(cell(tb, format)).append(" | ").append(both ? ratio(peyk, tb) : "").append(" |\n");
    }

    private static double[] idle(Runs runs, String side, ToDoubleFunction<Runs.Idle> f) {
        return runs.idles.stream().filter(i -> i.side().equals(side)).mapToDouble(f).sorted().toArray();
    }

    private static void incomplete(Runs runs, StringBuilder out) {
        for (Runs.Result r : runs.results) {
            if (r.replied() < r.updates()) {
                out.append("\n**Incomplete:** ").append(Bots.label(r.side())).append(" rep ").append(r.rep())
                        .append(", ").append(r.scenario()).append(": ").append(r.replied()).append(" of ")
                        .append(r.updates()).append(" replies.\n");
            }
        }
    }

    private static double[] values(Runs runs, String scenario, String side, ToDoubleFunction<Runs.Result> f) {
        return runs.results.stream().filter(r -> r.scenario().equals(scenario) && r.side().equals(side))
                .mapToDouble(f).sorted().toArray();
    }

    private static double[] starts(Runs runs, String side) {
        return runs.starts.stream().filter(st -> st.side().equals(side))
                .mapToDouble(Runs.Start::startToFirstPollMillis).sorted().toArray();
    }

    private static String cell(double[] sorted, String format) {
        if (sorted.length == 0) return "–";
        String median = String.format(Locale.ROOT, format, median(sorted));
        if (sorted.length == 1) return median;
        return median + " (" + String.format(Locale.ROOT, format, sorted[0]) + "–"
                + String.format(Locale.ROOT, format, sorted[sorted.length - 1]) + ")";
    }

    private static String ratio(double[] peyk, double[] tb) {
        if (peyk.length == 0 || tb.length == 0 || median(tb) == 0) return "–";
        return String.format(Locale.ROOT, "%.2f", median(peyk) / median(tb));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
