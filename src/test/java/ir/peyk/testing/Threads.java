package ir.peyk.testing;

import java.util.Set;
import java.util.TreeSet;

/** Live non-daemon threads: a bot that stopped cleanly leaves none of its own behind. */
public final class Threads {
    private Threads() {}

    public static Set<String> nonDaemon() {
        Set<String> out = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !t.isDaemon()) out.add(t.getName() + "#" + t.getId());
        }
        return out;
    }
}
