package ir.peyk.transport.http;

import ir.peyk.metrics.Metrics;
import ir.peyk.adapter.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one layer every outgoing messenger call passes (grammY's "API transformer"): throttling, 429 retry_after
 * (which pauses every call of the token, as python-telegram-bot's and grammY's rate limiters do), exponential
 * backoff with jitter on 5xx and network errors, and a clean mapping of final failures to {@link TransportException}.
 * Log lines name the transport and the method, never the URL (URLs carry tokens).
 */
public final class ApiCaller {
    private static final Logger log = LoggerFactory.getLogger(ApiCaller.class);

    private final String transport;
    private final OkHttpClient http;
    private final Throttle throttle;
    private final RetryPolicy retry;
    private final ResponseReader reader;
    /**
     * nanoTime before which no call goes (a 429's retry_after); in the past when not paused. Shared with
     * {@link #forStart}'s caller: it is the token that is limited.
     */
    private final AtomicLong pausedUntil;

    public ApiCaller(String transport, OkHttpClient http, Throttle throttle, RetryPolicy retry, ResponseReader reader) {
        this(transport, http, throttle, retry, reader, new AtomicLong(System.nanoTime()), true);
    }

    private ApiCaller(String transport, OkHttpClient http, Throttle throttle, RetryPolicy retry, ResponseReader reader,
                      AtomicLong pausedUntil, boolean addGate) {
        this.pausedUntil = pausedUntil;
        this.transport = transport;
        // The same pool and threads as http, with the pause checked again right before a request is written.
        this.http = addGate
                ? http.newBuilder().addNetworkInterceptor(new PauseGate(pausedUntil, retry.maxRetryAfter())).build()
                : http;
        this.throttle = throttle;
        this.retry = retry;
        this.reader = reader;
    }

    /** The same platform and throttle with start-up bounds: {@link HttpClients#forStart} and {@link RetryPolicy#START}. */
    public ApiCaller forStart() {
        // http carries the gate already (forStart keeps its interceptors); its wait bound stays the longer one, and
        // awaitPause applies START's
        return new ApiCaller(transport, HttpClients.forStart(http), throttle, RetryPolicy.START, reader, pausedUntil, false);
    }

    public String transport() {
        return transport;
    }

    public OkHttpClient http() {
        return http;
    }

    /** How long calls of this token still wait for a 429's retry_after; zero when they may go (for /health and tests). */
    public Duration pausedFor() {
        return Duration.ofNanos(Math.max(0, pausedUntil.get() - System.nanoTime()));
    }

    /**
     * Sends {@code request} until it succeeds or fails for good.
     *
     * @param method  the API method name, for logs and errors
     * @param chatKey the chat a send goes to (throttled per chat), or null for calls that are not sends
     * @param group   whether that chat is a group (the per-group limit applies)
     * @return the response body of the successful exchange
     */
    public String call(String method, Request request, String chatKey, boolean group) throws TransportException {
        int attempt = 0;
        int slowDowns = 0;
        while (true) {
            attempt++;
            Outcome outcome;
            try {
                awaitPause(method);
                try (Throttle.Permit permit = chatKey != null || method.startsWith("send")
                        ? throttle.acquire(chatKey, group) : Throttle.Permit.NONE) {
                    awaitPause(method); // a 429 may have come while this call waited for the throttle
                    outcome = exchange(request);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(method);
            } catch (IOException e) {
                if (e instanceof Canceled || Thread.currentThread().isInterrupted()) {
                    // Shutdown cancelled this call (e.g. a long poll): no warning, no retry.
                    throw interrupted(method);
                }
                if (e instanceof PausedTooLong) { // awaitPause fails it, with the numbers
                    attempt--;
                    continue;
                }
                outcome = new Outcome.Transient(0, e.getClass().getSimpleName() + ": " + safe(e.getMessage()));
            }
            if (outcome instanceof Outcome.Ok ok) return ok.body();
            if (outcome instanceof Outcome.Failed f) {
                Metrics.apiError(transport, f.code());
                throw failure(method, f);
            }
            Duration wait;
            if (outcome instanceof Outcome.RetryAfter ra) {
                // exchange has paused every call of the token already, before it let go of the connection and permit
                Metrics.apiError(transport, 429);
                if (ra.delay().compareTo(retry.maxRetryAfter()) > 0) {
                    throw new TransportException(TransportException.Kind.UNAVAILABLE, 429, transport + " " + method
                            + ": rate limited for " + ra.delay().toSeconds() + " s, longer than the "
                            + retry.maxRetryAfter().toSeconds() + " s this call may wait");
                }
                log.warn("{} {}: rate limited (429), every call waits {} ms as asked", transport, method,
                        ra.delay().toMillis());
                attempt--; // a 429 is the platform pacing us, not a failure: it does not use up attempts
                continue;  // awaitPause waits it out
            } else if (outcome instanceof Outcome.SlowDown sd) {
                Metrics.apiError(transport, 429);
                slowDowns++;
                wait = sd.base().multipliedBy(1L << Math.min(30, slowDowns - 1));
                if (wait.compareTo(retry.maxRetryAfter()) > 0) {
                    throw new TransportException(TransportException.Kind.UNAVAILABLE, 429, transport + " " + method
                            + ": refused " + slowDowns + " times in a row (" + sd.reason() + "); gave up rather than wait "
                            + wait.toSeconds() + " s, more than the " + retry.maxRetryAfter().toSeconds() + " s a call may wait");
                }
                log.warn("{} {}: {} ({} in a row; no wait was named), waiting {} ms", transport, method, sd.reason(),
                        slowDowns, wait.toMillis());
                attempt--;
            } else {
                Outcome.Transient t = (Outcome.Transient) outcome;
                Metrics.apiError(transport, t.code());
                if (attempt >= retry.maxAttempts()) {
                    throw new TransportException(TransportException.Kind.UNAVAILABLE, t.code(), transport + " " + method
                            + ": gave up after " + attempt + " attempts (" + t.reason() + ")");
                }
                wait = retry.backoff(attempt);
                log.warn("{} {}: {} (attempt {}/{}), retrying in {} ms", transport, method, t.reason(), attempt,
                        retry.maxAttempts(), wait.toMillis());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(method);
            }
        }
    }

    /** A 429 means the token is flood-limited: no call of it may go before {@code delay} has passed. */
    private void pauseAll(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        pausedUntil.accumulateAndGet(until, (a, b) -> a - b >= 0 ? a : b);
    }

    /** Sleeps out a pause a 429 set; fails when it lasts longer than a call may wait. */
    private void awaitPause(String method) throws InterruptedException, TransportException {
        long left;
        while ((left = pausedUntil.get() - System.nanoTime()) > 0) {
            if (left > retry.maxRetryAfter().toNanos()) {
                throw new TransportException(TransportException.Kind.UNAVAILABLE, 429, transport + " " + method
                        + ": the token is rate limited for " + TimeUnit.NANOSECONDS.toSeconds(left) + " s more, longer than the "
                        + retry.maxRetryAfter().toSeconds() + " s this call may wait");
            }
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private TransportException interrupted(String method) {
        return new TransportException(TransportException.Kind.UNAVAILABLE, 0, transport + " " + method + ": interrupted");
    }

    /**
     * One request and its answer. A 429 pauses the token here, as early as it can be known: from the status line and
     * headers before the body is read (reading it hands the connection to the next call), and as the body says before
     * this call's throttle permit is let go (which wakes the calls waiting for one). Recorded any later, other senders
     * went on for tens of milliseconds after the 429 had come, on a loaded machine.
     */
    private Outcome exchange(Request request) throws IOException {
        okhttp3.Call call = http.newCall(request);
        try (Response response = call.execute()) {
            String retryAfter = response.header("Retry-After");
            reader.pauseBeforeBody(response.code(), retryAfter).ifPresent(this::pauseAll);
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            Outcome outcome = reader.read(response.code(), text, retryAfter);
            if (outcome instanceof Outcome.RetryAfter ra) pauseAll(ra.delay());
            return outcome;
        } catch (IOException e) {
            if (call.isCanceled()) throw new Canceled(e);
            throw e;
        }
    }

    /**
     * Holds a request that is about to be written while the token is paused. A call passes {@link #awaitPause} before
     * it is handed to OkHttp, but OkHttp may then wait for a connection — and get the very one the 429 came on, the
     * moment the client has read it — or retry on another: without this check such a request reached the server after
     * the 429 had been read (one in most runs of FloodControlTest on a loaded machine). A pause longer than a call may
     * wait fails the exchange; {@link #call} then reports it.
     */
    private record PauseGate(AtomicLong pausedUntil, Duration max) implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            long left;
            while ((left = pausedUntil.get() - System.nanoTime()) > 0) {
                if (left > max.toNanos()) throw new PausedTooLong();
                try {
                    TimeUnit.NANOSECONDS.sleep(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while rate limited");
                }
            }
            return chain.proceed(chain.request());
        }
    }

    /** Not recoverable for OkHttp (it retries plain IOExceptions on its own): {@link #call} sees it and waits. */
    private static final class PausedTooLong extends InterruptedIOException {
        PausedTooLong() {
            super("rate limited for longer than a call may wait");
        }
    }

    /** The call was cancelled on purpose (the transport is stopping: its long poll is cut), not a network failure. */
    private static final class Canceled extends IOException {
        Canceled(IOException cause) {
            super("cancelled", cause);
        }
    }

    private TransportException failure(String method, Outcome.Failed f) {
        TransportException.Kind kind = switch (f.code()) {
            case 401, 404 -> TransportException.Kind.UNAUTHORIZED;
            case 403 -> TransportException.Kind.FORBIDDEN;
            case 409 -> TransportException.Kind.CONFLICT;
            default -> TransportException.Kind.REJECTED;
        };
        return new TransportException(kind, f.code(), transport + " " + method + ": " + safe(f.said()));
    }

    /** Exception messages from OkHttp can quote the URL, and the URL carries the token: keep only the host part. */
    static String safe(String message) {
        if (message == null) return "";
        return message.replaceAll("/bot[^/\\s]+/", "/bot<token>/").replaceAll("(?i)(token[=:/]\\s*)[^\\s&/]+", "$1<token>");
    }
}
