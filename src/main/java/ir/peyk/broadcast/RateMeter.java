package ir.peyk.broadcast;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A job's send rate over its last few observations (messages per second; failures count too — each cost a call).
 * Before there are two observations it falls back to the average since the job started.
 */
public final class RateMeter {
    private static final int SAMPLES = 6;

    private record Sample(long at, int processed) {}

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Records the job as seen now and returns the rate. */
    public double observe(Job job) {
        long now = System.currentTimeMillis();
        int processed = job.sent() + job.failed();
        samples.addLast(new Sample(now, processed));
        while (samples.size() > SAMPLES) samples.removeFirst();
        Sample first = samples.getFirst();
        if (samples.size() < 2 || now == first.at()) {
            long since = job.startedAt() == null ? 0 : now - job.startedAt();
            return since <= 0 ? 0 : processed * 1000.0 / since;
        }
        return (processed - first.processed()) * 1000.0 / (now - first.at());
    }
}
