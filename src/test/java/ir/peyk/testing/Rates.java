package ir.peyk.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rates measured from recorded times (nanoTime), for tests that check a limit as a server would see it. */
public final class Rates {
    private Rates() {}

    /** The most of {@code times} in any half-open window [t, t + width). */
    public static int maxInWindow(List<Long> times, long width) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int best = 0;
        int j = 0;
        for (int i = 0; i < sorted.size(); i++) {
            while (sorted.get(i) - sorted.get(j) >= width) j++;
            best = Math.max(best, i - j + 1);
        }
        return best;
    }
}
