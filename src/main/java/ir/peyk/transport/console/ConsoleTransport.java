package ir.peyk.transport.console;

import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.InlineResult;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.adapter.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded default transport: standard input is one private chat with the bot, replies go to standard output.
 *
 * <ul>
 *   <li>Every non-empty input line is a message ({@code /start}, a question, …).</li>
 *   <li>Buttons are printed under a reply as numbered choices {@code [1] …}; typing {@code /press 1} presses the
 *       Nth button of the most recent message (after a message without buttons there is nothing to press).</li>
 *   <li>{@code /stats} draws its chart into a PNG file under the temporary folder and prints the file's path.</li>
 *   <li>{@code /inline some text} is an inline query ({@code @bot some text}); the results are printed.</li>
 *   <li>End of input ends the bot cleanly once every line has been answered (works non-interactively).</li>
 * </ul>
 *
 * Input is read by a daemon thread so that a bot shutting down never waits on a blocked {@code read}. The transport
 * is {@linkplain #lockstep() lockstep}: each line is answered before the next is read, so piped scripts get their
 * answers in order.
 */
public final class ConsoleTransport implements Transport {
    public static final String NAME = "console";
    public static final String CHAT_ID = "console";
    private static final Chat CHAT = new Chat(CHAT_ID, Chat.Type.PRIVATE, null);
    private static final User USER = new User("console", "console", "Console", false);
    private static final String EOF = new String("\u0000eof"); // identity sentinel, never equal to a read line

    private final InputStream in;
    private final PrintStream out;
    private final Path chartDir;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** Keys must not collide with a previous run's rows in the inbox (its dedupe would drop them): prefix a run id. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong messageIds = new AtomicLong();
    private volatile boolean exhausted;
    private Thread reader;
    private List<Button> lastButtons = List.of();

    public ConsoleTransport(InputStream in, PrintStream out) {
        this(in, out, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param chartDir where pictures (the /stats chart) are written */
    public ConsoleTransport(InputStream in, PrintStream out, Path chartDir) {
        this.in = in;
        this.out = out;
        this.chartDir = chartDir;
    }

    /** Standard input and output, UTF-8. */
    public static ConsoleTransport system() {
        return new ConsoleTransport(System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, false, true, true, true, true, 1_000_000);
    }

    @Override
    public synchronized BotInfo start() {
        if (reader == null) {
            reader = new Thread(this::readLines, "peyk-console-stdin");
            reader.setDaemon(true);
            reader.start();
        }
        return new BotInfo("peyk", "peyk_bot", "Peyk");
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) lines.add(line);
        } catch (IOException e) {
            // A broken input is the end of input: nothing more will come.
        } finally {
            lines.add(EOF);
        }
    }

    @Override
    public Batch poll(String offset) {
        List<Batch.Item> items = new ArrayList<>();
        try {
            // One line per poll (see lockstep): "/press N" must be read after the reply that printed the buttons.
            // The wait is short so that a shutdown never waits on the console.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (items.isEmpty() && !exhausted) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) break;
                if (line == EOF) {
                    exhausted = true;
                    break;
                }
                Batch.Item item = toItem(line);
                if (item != null) items.add(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Batch(items, null);
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public boolean lockstep() {
        return true;
    }

    private Batch.Item toItem(String raw) {
        String line = raw.strip();
        if (line.isEmpty()) return null;
        String key = runId + "-" + seq.incrementAndGet();
        if (line.equals("/inline") || line.startsWith("/inline ")) {
            String query = line.substring("/inline".length()).strip();
            return Batch.Item.ok(new InlineQuery(NAME, key, USER, key, query, ""));
        }
        if (line.equals("/press") || line.startsWith("/press ")) {
            Button button = pressed(line.substring("/press".length()).strip());
            if (button == null) {
                int count = buttonsCount();
                say(count == 0 ? "(the last message has no buttons to press)"
                        : "(no such button: type /press N with N between 1 and " + count + ")");
                return null;
            }
            return Batch.Item.ok(new ButtonPress(NAME, key, CHAT, USER, key, null, button.data()));
        }
        return Batch.Item.ok(new Message(NAME, key, CHAT, USER, key, line, false, System.currentTimeMillis()));
    }

    private synchronized Button pressed(String number) {
        try {
            int n = Integer.parseInt(number);
            return n >= 1 && n <= lastButtons.size() ? lastButtons.get(n - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private synchronized int buttonsCount() {
        return lastButtons.size();
    }

    @Override
    public synchronized Sent send(String chatId, Reply reply) {
        String id = Long.toString(messageIds.incrementAndGet());
        print(reply, null);
        return new Sent(chatId, id);
    }

    @Override
    public int photoCaptionLength() {
        return 1_000_000;
    }

    /** A terminal shows no pictures: the PNG goes to a file, and its path is printed above the caption. */
    @Override
    public synchronized Sent sendPhoto(String chatId, byte[] png, String caption, String replyTo)
            throws TransportException {
        String id = Long.toString(messageIds.incrementAndGet());
        Path file = chartDir.resolve("peyk-chart-" + runId + "-" + id + ".png");
        try {
            Files.createDirectories(chartDir);
            Files.write(file, png);
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.REJECTED, 0,
                    "console: the picture could not be written to " + file + " (" + e.getMessage() + ")");
        }
        String text = "(picture: " + file.toAbsolutePath() + ")" + (caption == null || caption.isBlank() ? "" : "\n" + caption);
        print(Reply.text(text), null);
        return new Sent(chatId, id);
    }

    @Override
    public synchronized void edit(String chatId, String messageId, Reply reply) {
        print(reply, "(edited)");
    }

    private void print(Reply reply, String prefix) {
        StringBuilder sb = new StringBuilder();
        if (prefix != null) sb.append(prefix).append('\n');
        sb.append(reply.text()).append('\n');
        List<Button> numbered = new ArrayList<>();
        for (List<Button> row : reply.buttons()) {
            StringBuilder line = new StringBuilder();
            for (Button b : row) {
                numbered.add(b);
                if (line.length() > 0) line.append("  ");
                line.append('[').append(numbered.size()).append("] ").append(b.text());
            }
            if (line.length() > 0) sb.append(line).append('\n');
        }
        // "/press N" refers to the latest message: one without buttons leaves nothing to press (not an older one's).
        lastButtons = List.copyOf(numbered);
        if (!numbered.isEmpty()) sb.append("(type /press N to press a button)\n");
        out.print(sb.append('\n'));
        out.flush();
    }

    @Override
    public void answerButton(ButtonPress press, String text) {
        if (text != null && !text.isBlank()) say("(" + text + ")");
    }

    @Override
    public synchronized void answerInline(InlineQuery query, List<InlineResult> results, String nextOffset) {
        StringBuilder sb = new StringBuilder();
        sb.append("inline results for \"").append(query.query()).append("\": ").append(results.size()).append('\n');
        int i = 0;
        for (InlineResult r : results) {
            sb.append(++i).append(". ").append(r.title());
            if (r.description() != null && !r.description().isBlank()) sb.append(" — ").append(r.description());
            for (String line : r.text().split("\n", -1)) sb.append('\n').append(line.isBlank() ? "" : "   " + line);
            sb.append('\n');
        }
        if (nextOffset != null && !nextOffset.isBlank()) sb.append("(more results: next offset ").append(nextOffset).append(")\n");
        out.print(sb.append('\n'));
        out.flush();
    }

    private synchronized void say(String line) {
        out.println(line);
        out.flush();
    }
}
