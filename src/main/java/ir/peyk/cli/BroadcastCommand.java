package ir.peyk.cli;

import ir.peyk.adapter.Transport;
import ir.peyk.broadcast.BroadcastStore;
import ir.peyk.broadcast.BroadcastTexts;
import ir.peyk.broadcast.BroadcastWorker;
import ir.peyk.broadcast.Broadcasts;
import ir.peyk.broadcast.Job;
import ir.peyk.broadcast.RateMeter;
import ir.peyk.broadcast.WorkerSettings;
import ir.peyk.store.Subscribers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code peyk broadcast send|status|cancel}: the operator's side of admin broadcasts. A job created here is confirmed
 * at once and delivered by the running bot's worker — or, with {@code send --wait}, by a worker in this process.
 */
@Command(name = "broadcast", description = "Send a message to every subscriber and channel target; follow or cancel it.",
        subcommands = {BroadcastCommand.Send.class, BroadcastCommand.Status.class, BroadcastCommand.Cancel.class})
final class BroadcastCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        throw new Main.UserError("broadcast needs a subcommand: send, status or cancel (peyk broadcast --help)");
    }

    /** The store's broadcast side, opened for one command. */
    static Broadcasts broadcasts(Peyk peyk) {
        return new Broadcasts(new BroadcastStore(peyk.db()), new Subscribers(peyk.db()), peyk.config());
    }

    static Job job(Broadcasts b, String id) {
        long n;
        try {
            n = Long.parseLong(id.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw new Main.UserError("'" + id + "' is not a broadcast id (a number; `peyk broadcast status` lists them)");
        }
        return b.store().job(n).orElseThrow(() -> new Main.UserError("there is no broadcast " + n
                + "; `peyk broadcast status` lists them"));
    }

    @Command(name = "send", description = "Create a broadcast (confirmed); the running bot delivers it, or --wait does.")
    static final class Send implements Callable<Integer> {
        @ParentCommand
        BroadcastCommand parent;

        static final class Source {
            @Option(names = "--text", paramLabel = "TEXT", description = "the message (plain text)")
            String text;

            @Option(names = "--file", paramLabel = "FILE", description = "read the message from a UTF-8 file")
            Path file;
        }

        @ArgGroup(multiplicity = "1")
        Source source;

        @Option(names = "--wait", description = "deliver it from this process (unless the bot's worker already "
                + "sends) and wait until it is done, with progress on stderr")
        boolean await;

        @Option(names = "--lang", paramLabel = "fa|en", description = "language of the progress lines (default: en)")
        String lang = "en";

        @Option(names = "--concurrency", paramLabel = "N", description = "sends in flight with --wait (default: 8)")
        int concurrency = WorkerSettings.DEFAULT.concurrency();

        @Override
        public Integer call() throws Exception {
            String text = source.text != null ? source.text : read(source.file);
            try (Peyk peyk = Peyk.open(parent.main.loadConfig())) {
                Broadcasts b = broadcasts(peyk);
                Job job;
                try {
                    job = b.create(text, "cli", lang);
                } catch (Broadcasts.Refused e) {
                    throw new Main.UserError(e.getMessage());
                }
                System.out.println(job.id());
                System.err.println("broadcast " + job.id() + ": " + job.total() + " recipients"
                        + (await ? "" : "; the running bot sends it (peyk broadcast status " + job.id() + ")"));
                if (!await) return 0;
                return deliver(peyk, b, job.id());
            }
        }

        private int deliver(Peyk peyk, Broadcasts b, long id) throws Exception {
            List<Transport> opened = new ArrayList<>();
            try {
                Map<String, Transport> transports = CliTransports.open(peyk.config(), opened);
                BroadcastWorker worker = new BroadcastWorker(b.store(), new Subscribers(peyk.db()), transports,
                        WorkerSettings.DEFAULT.withConcurrency(Math.max(1, concurrency)));
                worker.start();
                try {
                    Job done = follow(b.store(), id, transports.keySet(), worker);
                    if (done.finished()) System.err.println(BroadcastTexts.of(lang).finished(done));
                    return 0;
                } finally {
                    worker.stop(Duration.ofSeconds(30));
                }
            } finally {
                for (Transport t : opened) t.close();
            }
        }

        /**
         * Prints progress to stderr every two seconds until the job ends — or until only rows of transports this
         * process cannot send remain (the bot delivers those).
         */
        private Job follow(BroadcastStore store, long id, Set<String> here, BroadcastWorker worker)
                throws InterruptedException {
            BroadcastTexts t = BroadcastTexts.of(lang);
            RateMeter meter = new RateMeter();
            long started = System.currentTimeMillis();
            long lastLine = 0;
            boolean toldOther = false;
            while (true) {
                Job j = store.job(id).orElseThrow();
                if (j.finished()) return j;
                long now = System.currentTimeMillis();
                if (!worker.isLeader() && !toldOther && now - started > 3000) {
                    System.err.println("another worker (the running bot) is sending this broadcast; following it");
                    toldOther = true;
                }
                if (worker.isLeader()) {
                    Map<String, Integer> left = store.queue().unfinishedByTransport(id);
                    if (!left.isEmpty() && here.stream().noneMatch(left::containsKey)) {
                        System.err.println("sent what this process can; " + left + " wait for the running bot");
                        return j;
                    }
                }
                if (now - lastLine >= 2000) {
                    System.err.println(t.progress(j, meter.observe(j)).replace('\n', ' '));
                    lastLine = now;
                }
                Thread.sleep(250);
            }
        }

        private static String read(Path file) {
            try {
                if (Files.size(file) > 4L * Broadcasts.MAX_TEXT) {
                    throw new Main.UserError(file + " is too large for a broadcast (at most " + Broadcasts.MAX_TEXT
                            + " characters)");
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new Main.UserError(file + ": no such file");
            } catch (IOException e) {
                throw new Main.UserError(file + ": cannot read it as UTF-8 text (" + e.getMessage() + ")");
            }
        }
    }

    @Command(name = "status", description = "Show one broadcast, or the latest ones.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        BroadcastCommand parent;

        @Parameters(arity = "0..1", paramLabel = "ID", description = "the broadcast (default: the latest 10)")
        String id;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Peyk peyk = Peyk.open(parent.main.loadConfig())) {
                Broadcasts b = broadcasts(peyk);
                List<Job> jobs = id == null ? b.store().recent(10) : List.of(job(b, id));
                if (json) {
                    List<JobView> views = jobs.stream().map(j -> JobView.of(j, b.store().failures(j.id(), 10))).toList();
                    System.out.println(Output.prettyJson(id == null ? views : views.get(0)));
                } else if (jobs.isEmpty()) {
                    System.out.println("no broadcasts yet");
                } else {
                    for (Job j : jobs) {
                        System.out.println(line(j, ZoneId.systemDefault()) + "  " + preview(j.text()));
                        if (id != null) b.store().failures(j.id(), 10).forEach((reason, n) ->
                                System.out.println("  failed " + n + " × " + reason));
                    }
                }
                return 0;
            }
        }

        /**
         * One job for the operator: the status word of {@code --json} (one vocabulary for people and scripts), the
         * counts, and times as a person reads them (local time; how long it took or has run).
         */
        static String line(Job j, ZoneId zone) {
            StringBuilder b = new StringBuilder("#").append(j.id()).append(' ').append(j.status().db())
                    .append(" — sent ").append(j.sent()).append(", failed ").append(j.failed());
            if (j.skipped() > 0) b.append(", skipped ").append(j.skipped());
            b.append(", left ").append(j.left()).append(" of ").append(j.total());
            b.append(" · created ").append(humanTime(j.createdAt(), zone));
            if (j.startedAt() != null && j.finishedAt() != null) {
                b.append(" · took ").append(duration(j.finishedAt() - j.startedAt()));
            } else if (j.startedAt() != null) {
                b.append(" · started ").append(humanTime(j.startedAt(), zone));
            }
            return b.toString();
        }

        static String humanTime(long epochMillis, ZoneId zone) {
            return HUMAN_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
        }

        static String duration(long millis) {
            long s = Math.max(0, millis) / 1000;
            if (s < 60) return s + " s";
            if (s < 3600) return s / 60 + " min " + s % 60 + " s";
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }

        private static String preview(String text) {
            String one = text.replaceAll("\\s+", " ");
            return one.length() > 60 ? one.substring(0, 59) + "…" : one;
        }
    }

    @Command(name = "cancel", description = "Cancel a broadcast: rows not sent yet are skipped.")
    static final class Cancel implements Callable<Integer> {
        @ParentCommand
        BroadcastCommand parent;

        @Parameters(paramLabel = "ID", description = "the broadcast")
        String id;

        @Override
        public Integer call() throws Exception {
            try (Peyk peyk = Peyk.open(parent.main.loadConfig())) {
                Broadcasts b = broadcasts(peyk);
                Job before = job(b, id);
                if (before.finished()) {
                    System.out.println("broadcast " + before.id() + " is already " + before.status().db()
                            + "; nothing to cancel");
                    return 0;
                }
                Optional<Job> after = b.cancel(before.id());
                Job j = after.orElseThrow();
                System.out.println("broadcast " + j.id() + " cancelled: " + j.sent() + " sent, " + j.skipped()
                        + " will not be sent (the bot notices within a second)");
                return 0;
            }
        }
    }

    /** 2026-12-04 20:40:01 +0330: local time with its offset, to the second. */
    static final DateTimeFormatter HUMAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    /**
     * The JSON shape of {@code status --json}. The epoch-millisecond fields stay for scripts that read them; the
     * {@code …Time} fields are the same instants in ISO-8601 (UTC), for people and log tools.
     */
    record JobView(long id, String status, String text, String createdBy, long createdAt, Long startedAt,
                   Long finishedAt, String createdTime, String startedTime, String finishedTime, int total, int sent,
                   int failed, int skipped, int left, Map<String, Integer> failures) {
        static JobView of(Job j, Map<String, Integer> failures) {
            return new JobView(j.id(), j.status().db(), j.text(), j.createdBy(), j.createdAt(), j.startedAt(),
                    j.finishedAt(), iso(j.createdAt()), iso(j.startedAt()), iso(j.finishedAt()), j.total(), j.sent(),
                    j.failed(), j.skipped(), j.left(), failures);
        }

        private static String iso(Long epochMillis) {
            return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
        }
    }
}
