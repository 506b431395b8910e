package ir.peyk.transport.web;

import ir.peyk.adapter.Button;
import ir.peyk.adapter.InlineResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One web chat's messages, the latest inline results and the latest button notice, with a version that grows on
 * every change so a page can ask for "what changed since version N" and wait for the next change.
 */
public final class Conversation {
    /**
     * What changed after a version.
     *
     * @param inline inline results when they changed after the version asked (else null)
     * @param notice the latest button notice when it changed after the version asked (else null)
     */
    public record Changes(long version, List<Bubble> bubbles, Inline inline, String notice) {}

    /** The answer to the latest inline query ({@code results} empty while it is pending). */
    public record Inline(String query, boolean answered, List<InlineResult> results, String nextOffset) {}

    private final Map<String, Bubble> bubbles = new LinkedHashMap<>();
    private long version;
    private Inline inline;
    private String inlineQueryId;
    private long inlineVersion = -1;
    private String notice;
    private long noticeVersion = -1;

    synchronized void add(Bubble b) {
        bubbles.put(b.id(), b.at(++version));
        while (bubbles.size() > WebTransport.KEEP) bubbles.remove(bubbles.keySet().iterator().next());
        notifyAll();
    }

    synchronized void edit(String id, String text, List<List<Button>> buttons) {
        Bubble old = bubbles.get(id);
        if (old == null) return; // dropped off the window: nothing to show
        bubbles.put(id, new Bubble(id, old.fromBot(), text, buttons, ++version));
        notifyAll();
    }

    synchronized void notice(String text) {
        notice = text;
        noticeVersion = ++version;
        notifyAll();
    }

    synchronized void inlineAsked(String queryId, String query) {
        inlineQueryId = queryId;
        inline = new Inline(query, false, List.of(), null);
        inlineVersion = ++version;
        notifyAll();
    }

    synchronized void inlineAnswered(String queryId, List<InlineResult> results, String nextOffset) {
        if (!queryId.equals(inlineQueryId)) return; // an older query answered late: the page asked something else
        inline = new Inline(inline.query(), true, List.copyOf(results), nextOffset);
        inlineVersion = ++version;
        notifyAll();
    }

    synchronized Button button(String messageId, int row, int column) {
        Bubble b = bubbles.get(messageId);
        if (b == null || !b.fromBot() || row < 0 || row >= b.buttons().size()) return null;
        List<Button> r = b.buttons().get(row);
        return column < 0 || column >= r.size() ? null : r.get(column);
    }

    /** The version of the latest change. */
    public synchronized long version() {
        return version;
    }

    /** What changed after {@code since} (everything for a negative or stale version). */
    public synchronized Changes since(long since) {
        if (since > version) since = -1; // the server restarted: the page starts over
        List<Bubble> out = new ArrayList<>();
        for (Bubble b : bubbles.values()) if (b.version() > since) out.add(b);
        return new Changes(version, out, inlineVersion > since ? inline : null, noticeVersion > since ? notice : null);
    }

    /** Waits until the version passes {@code since} or the timeout ends; returns the current version. */
    public synchronized long await(long since, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (version <= since) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return version;
    }
}
