package ir.peyk.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The bot's numbers, in one process-wide Prometheus registry that the webhook server's {@code GET /metrics} serves. Every method is static
 * and cheap (a map lookup and an atomic add), so the adapter, the handlers, the API layer and the broadcaster can call
 * it on every update without holding a reference to anything.
 *
 * <p>Labels only ever carry bounded values: configured transport names, HTTP or platform error codes, and fixed
 * words ({@link #label} folds anything else to "other") — never a string a client sent, which would let anyone grow
 * the registry without bound.
 */
public final class Metrics {
    private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final AtomicReference<LongSupplier> INBOX_PENDING = new AtomicReference<>(() -> -1);
    private static final AtomicReference<LongSupplier> BROADCAST_PENDING = new AtomicReference<>(() -> -1);
    private static final Map<String, Long> LAST_UPDATE = new ConcurrentHashMap<>();

    private static final Meter.MeterProvider<Counter> RECEIVED = Counter.builder("peyk.updates.received")
            .description("Updates that reached the bot, by transport and by how they came (webhook or polling)")
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Counter> HANDLED = Counter.builder("peyk.updates.handled")
            .description("Updates the dispatcher finished, by transport and outcome (ok, poison, failed)")
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Counter> ANSWERS = Counter.builder("peyk.answers")
            .description("Questions answered from the article vs declined (no supported answer)")
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Timer> ANSWER_LATENCY = Timer.builder("peyk.answer.latency")
            .description("Time to compute an answer to a question")
            .serviceLevelObjectives(ms(1), ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000),
                    ms(2500), ms(5000), ms(10000))
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Counter> API_ERRORS = Counter.builder("peyk.api.errors")
            .description("Failed calls to a messenger's API, by transport and HTTP or platform code (0 = network)")
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Counter> BROADCAST = Counter.builder("peyk.broadcast.messages")
            .description("Broadcast deliveries, by transport and result (sent, failed, skipped)")
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Counter> WEBHOOK = Counter.builder("peyk.webhook.requests")
            .description("Requests to the webhook routes, by transport and HTTP status answered")
            .withRegistry(REGISTRY);

    static {
        new JvmMemoryMetrics().bindTo(REGISTRY);
        new JvmThreadMetrics().bindTo(REGISTRY);
        new ProcessorMetrics().bindTo(REGISTRY);
        new UptimeMetrics().bindTo(REGISTRY);
        Gauge.builder("peyk.inbox.pending", () -> pending(INBOX_PENDING))
                .description("Updates stored in the inbox and not yet handled (NaN when unknown)")
                .register(REGISTRY);
        Gauge.builder("peyk.broadcast.pending", () -> pending(BROADCAST_PENDING))
                .description("Broadcast deliveries still queued (NaN when unknown)")
                .register(REGISTRY);
    }

    private Metrics() {}

    /** The registry, for code that wants its own meters (they then appear on /metrics too). */
    public static PrometheusMeterRegistry registry() {
        return REGISTRY;
    }

    /** Prometheus text exposition format 0.0.4. */
    public static String scrape() {
        return REGISTRY.scrape();
    }

    /** An update arrived; {@code via} is "webhook" or "polling". Also stamps the transport's last update time. */
    public static void updateReceived(String transport, String via) {
        BY_TAGS.computeIfAbsent(new Key("received", transport, via),
                k -> RECEIVED.withTags("transport", label(transport), "via", label(via))).increment();
        LAST_UPDATE.put(label(transport), System.currentTimeMillis());
    }

    /** The dispatcher finished an update; {@code outcome} is "ok", "poison" or "failed". */
    public static void updateHandled(String transport, String outcome) {
        BY_TAGS.computeIfAbsent(new Key("handled", transport, outcome),
                k -> HANDLED.withTags("transport", label(transport), "outcome", label(outcome))).increment();
    }

    /**
     * The per-update counters, looked up once per tag pair: a meter lookup by tags builds, sorts and hashes a tag list
     * each time, twice for every update. Few keys (transports × outcomes), so the map stays small.
     */
    private record Key(String meter, String a, String b) {}

    private static final java.util.Map<Key, Counter> BY_TAGS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Shorthand for a successfully handled update. */
    public static void updateHandled(String transport) {
        updateHandled(transport, "ok");
    }

    /** A question was answered ({@code answered}) or declined, taking {@code nanos} to decide. */
    public static void answer(boolean answered, long nanos) {
        String result = answered ? "answered" : "declined";
        // Looked up once per result, not per answer: a meter lookup by tags builds and hashes a tag list each time.
        Counter counter = ANSWER_COUNTERS.computeIfAbsent(result, r -> ANSWERS.withTags("result", r));
        Timer timer = ANSWER_TIMERS.computeIfAbsent(result, r -> ANSWER_LATENCY.withTags("result", r));
        counter.increment();
        timer.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    private static final java.util.Map<String, Counter> ANSWER_COUNTERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, Timer> ANSWER_TIMERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A call to a messenger failed for good, or was retried: {@code code} is the HTTP/platform code, 0 = network. */
    public static void apiError(String transport, int code) {
        API_ERRORS.withTags("transport", label(transport), "code", Integer.toString(code)).increment();
    }

    /** One broadcast delivery finished: {@code result} is "sent", "failed" or "skipped". */
    public static void broadcast(String transport, String result) {
        BROADCAST.withTags("transport", label(transport), "result", label(result)).increment();
    }

    /** A webhook request was answered with {@code status}. */
    public static void webhookRequest(String transport, int status) {
        WEBHOOK.withTags("transport", label(transport), "status", Integer.toString(status)).increment();
    }

    /** When the last update of {@code transport} arrived (epoch ms), if one did since the process started. */
    public static OptionalLong lastUpdateMillis(String transport) {
        Long t = LAST_UPDATE.get(label(transport));
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /**
     * Where the {@code peyk_inbox_pending} and {@code peyk_broadcast_pending} gauges read from (read at each scrape;
     * a negative count shows as NaN, "unknown"). The webhook server binds its health board here.
     */
    public static void pendingSources(LongSupplier inbox, LongSupplier broadcast) {
        INBOX_PENDING.set(inbox);
        BROADCAST_PENDING.set(broadcast);
    }

    private static double pending(AtomicReference<LongSupplier> source) {
        try {
            long n = source.get().getAsLong();
            return n < 0 ? Double.NaN : n;
        } catch (RuntimeException e) {
            return Double.NaN; // a scrape must not fail because one source did
        }
    }

    /** A label value from a bounded vocabulary: lower-case letters, digits, '_' and '-', at most 32; else "other". */
    public static String label(String s) {
        if (s == null || s.isEmpty() || s.length() > 32) return "other";
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) return "other";
        }
        return s;
    }

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }
}
