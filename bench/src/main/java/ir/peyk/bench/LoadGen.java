package ir.peyk.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures the fake's own capacity: {@code connections} keep-alive connections each sending sendMessage (a reply
 * of typical length, as JSON) and waiting for the answer, for a while. The generator runs in the same JVM and on the
 * same cores as the fake, so the figure is a lower bound of what the fake serves.
 */
final class LoadGen {
    private LoadGen() {}

    /** sendMessage calls answered per second over {@code millis}, after a warm-up of the same length. */
    static double sendMessagesPerSecond(FakeBotApi fake, int connections, long millis) throws Exception {
        String text = "این یک پاسخ نمونه به اندازهٔ پاسخ‌های ربات است. ".repeat(4); // ~200 characters, as a reply
        byte[] body = ("{\"chat_id\":999999999,\"text\":" + Params.quote(text) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST /bot1:LOAD/sendMessage HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[request.length + body.length];
        System.arraycopy(request, 0, whole, 0, request.length);
        System.arraycopy(body, 0, whole, request.length, body.length);

        run(fake, connections, millis, whole, new LongAdder()); // warm-up: let the JIT compile both sides
        LongAdder answered = new LongAdder();
        long t0 = System.nanoTime();
        run(fake, connections, millis, whole, answered);
        return answered.sum() / ((System.nanoTime() - t0) / 1e9);
    }

    private static void run(FakeBotApi fake, int connections, long millis, byte[] request, LongAdder answered)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fake.port())) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
                    while (!stop.get()) {
                        out.write(request);
                        out.flush();
                        if (Http.skipResponse(in) != 200) throw new IOException("the fake did not answer 200");
                        answered.increment();
                    }
                } catch (IOException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "loadgen");
            t.start();
            threads.add(t);
        }
        Thread.sleep(millis);
        stop.set(true);
        for (Thread t : threads) t.join();
        if (!failures.isEmpty()) throw failures.get(0);
    }
}
