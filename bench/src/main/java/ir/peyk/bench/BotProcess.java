package ir.peyk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A bot in its own JVM, and what Linux says about it: CPU time (utime + stime of /proc/PID/stat, every thread of the
 * JVM: workers, JIT compiler, GC) and peak resident memory (VmHWM of /proc/PID/status). Its output goes to files in
 * its folder, shown when something goes wrong.
 */
final class BotProcess implements AutoCloseable {
    /** Clock ticks per second of /proc/PID/stat (USER_HZ): 100 on every Linux this runs on; run.sh passes getconf's. */
    static final long TICKS = Long.getLong("bench.clkTck", 100);

    final String side;
    final Process process;
    /** System.nanoTime just before the process was started. */
    final long startedNanos;
    private final Path dir;

    private BotProcess(String side, Process process, long startedNanos, Path dir) {
        this.side = side;
        this.process = process;
        this.startedNanos = startedNanos;
        this.dir = dir;
    }

    static BotProcess start(String side, List<String> command, Map<String, String> env, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(dir.resolve("stderr.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        // Settings of the caller's own Peyk (PEYK_DB, PEYK_TRANSPORT …) must not leak into the bot under test.
        pb.environment().keySet().removeIf(k -> k.startsWith("PEYK_"));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        return new BotProcess(side, pb.start(), t0, dir);
    }

    long pid() {
        return process.pid();
    }

    /** utime + stime in clock ticks; -1 once the process is gone. */
    long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak resident set size so far (VmHWM), in kB; -1 once the process is gone. */
    long peakRssKb() {
        return status("VmHWM:");
    }

    /** Resident set size now (VmRSS), in kB; -1 once the process is gone. */
    long rssKb() {
        return status("VmRSS:");
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** The last lines of the bot's stderr, for a failure message. */
    String stderrTail(int lines) {
        try {
            List<String> all = Files.readAllLines(dir.resolve("stderr.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 15 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
