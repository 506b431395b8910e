package ir.peyk.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback Telegram Bot API for one bot at a time: {@code /bot<token>/<method>} with JSON, form or query
 * parameters. getUpdates honours offset (confirms), limit and timeout (a long poll is held until an update is
 * injected); sendMessage is timed into the {@link Ledger} and answered with the Message it made; getMe names a bot;
 * every other method (setMyCommands, deleteWebhook, sendChatAction …) is answered {@code true}. One thread per
 * connection: the bots keep a handful of keep-alive connections, so there is no hand-off between threads per call.
 */
final class FakeBotApi implements AutoCloseable {
    static final long BOT_ID = 7_000_000_001L;
    private static final byte[] TRUE = "{\"ok\":true,\"result\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ME = ("{\"ok\":true,\"result\":{\"id\":" + BOT_ID + ",\"is_bot\":true,"
            + "\"first_name\":\"Bench\",\"username\":\"bench_bot\",\"can_join_groups\":true,"
            + "\"can_read_all_group_messages\":false,\"supports_inline_queries\":true}}").getBytes(StandardCharsets.UTF_8);
    /** Longest hold of a long poll, whatever the client asks: a stopped bot's poll must not pin a thread for long. */
    private static final long MAX_HOLD_MILLIS = 30_000;

    final Ledger ledger = new Ledger();
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong(1_000_000);
    private final Object lock = new Object();
    /** Updates not forgotten yet; the first has update_id {@link #firstId}. */
    private final List<byte[]> updates = new ArrayList<>();
    private long firstId = 1;
    /** Index in {@link #updates} of the first update not confirmed by an offset. */
    private int unconfirmed;
    private long firstPollNanos;
    private volatile boolean closed;

    FakeBotApi() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        acceptor = new Thread(this::accept, "fake-api-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    /** A new bot is about to start: earlier updates are forgotten, the first-poll clock and call counts restart. */
    void newSession() {
        synchronized (lock) {
            firstId += updates.size();
            updates.clear();
            unconfirmed = 0;
            firstPollNanos = 0;
            calls.clear();
        }
    }

    /** When the current bot first called getUpdates (System.nanoTime), waiting up to {@code timeoutMillis}; 0 if not. */
    long awaitFirstPoll(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            while (firstPollNanos == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return 0;
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return firstPollNanos;
        }
    }

    /**
     * Makes private text messages visible to getUpdates at once ({@code texts[i]} already a JSON string literal, into
     * chat {@code chats[i]}, which is also the sender). Returns the injection time recorded in the ledger.
     */
    long inject(long[] chats, String[] texts, int count) {
        long date = System.currentTimeMillis() / 1000;
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                long id = firstId + updates.size();
                String c = Long.toString(chats[i]);
                String json = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + messageIds.incrementAndGet()
                        + ",\"from\":{\"id\":" + c + ",\"is_bot\":false,\"first_name\":\"User" + c
                        + "\",\"language_code\":\"fa\"},\"chat\":{\"id\":" + c + ",\"type\":\"private\",\"first_name\":\"User"
                        + c + "\"},\"date\":" + date + ",\"text\":" + texts[i] + "}}";
                updates.add(json.getBytes(StandardCharsets.UTF_8));
            }
            long now = System.nanoTime(); // nothing is visible before the lock is released
            ledger.injected(chats, count, now);
            lock.notifyAll();
            return now;
        }
    }

    /** Calls per method since the session started, for the report's sanity lines. */
    Map<String, Long> calls() {
        Map<String, Long> m = new TreeMap<>();
        calls.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) s.close();
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), "fake-api-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) System.err.println("fake api: accept failed: " + e.getMessage());
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream(), 32 * 1024);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
            while (!closed) {
                Http.Request r = Http.read(in);
                if (r == null) break;
                byte[] answer = answer(r);
                Http.write(out, 200, answer, r.keepAlive());
                out.flush();
                if (!r.keepAlive()) break;
            }
        } catch (IOException e) {
            // the bot went away (killed, or its long poll cancelled at shutdown): nothing to answer
        } finally {
            open.remove(s);
        }
    }

    private byte[] answer(Http.Request r) throws IOException {
        long at = System.nanoTime();
        String path = r.path();
        int q = path.indexOf('?');
        String method = path.substring(path.lastIndexOf('/', q < 0 ? path.length() : q) + 1, q < 0 ? path.length() : q);
        calls.computeIfAbsent(method, k -> new LongAdder()).increment();
        Params p = Params.of(q < 0 ? null : path.substring(q + 1), r.contentType(), r.body());
        // Method names are case-insensitive on Telegram, and TelegramBots calls "getupdates"
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "getupdates" -> getUpdates(p, at);
            case "sendmessage" -> sendMessage(p, at);
            case "getme" -> ME;
            default -> TRUE;
        };
    }

    private byte[] sendMessage(Params p, long at) throws IOException {
        ledger.replied(p.chatId(), at, p.text());
        return Params.messageJson(messageIds.incrementAndGet(), BOT_ID, p.chatId(), System.currentTimeMillis() / 1000,
                p.text());
    }

    private byte[] getUpdates(Params p, long at) {
        long hold = Math.min(MAX_HOLD_MILLIS, Math.max(0, p.timeout()) * 1000L);
        long deadline = at + TimeUnit.MILLISECONDS.toNanos(hold);
        synchronized (lock) {
            if (firstPollNanos == 0) {
                firstPollNanos = at;
                lock.notifyAll();
            }
            if (p.offset() > firstId) unconfirmed = (int) Math.min(updates.size(), Math.max(unconfirmed, p.offset() - firstId));
            while (unconfirmed >= updates.size() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            int end = Math.min(updates.size(), unconfirmed + Math.max(1, Math.min(100, p.limit())));
            int size = 24;
            for (int i = unconfirmed; i < end; i++) size += updates.get(i).length + 1;
            byte[] out = new byte[size + 2];
            int n = put(out, 0, "{\"ok\":true,\"result\":[".getBytes(StandardCharsets.US_ASCII));
            for (int i = unconfirmed; i < end; i++) {
                if (i > unconfirmed) out[n++] = ',';
                n = put(out, n, updates.get(i));
            }
            n = put(out, n, "]}".getBytes(StandardCharsets.US_ASCII));
            return java.util.Arrays.copyOf(out, n);
        }
    }

    private static int put(byte[] into, int at, byte[] what) {
        System.arraycopy(what, 0, into, at, what.length);
        return at + what.length;
    }
}
