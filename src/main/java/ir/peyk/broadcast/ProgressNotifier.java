package ir.peyk.broadcast;

import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the admin informed: while a job runs, its one progress message (the confirmed preview) is edited every few
 * seconds — where the platform can edit — with sent / failed / left, the rate and the time to go; when it ends, the
 * message shows the result and a summary (with the main failure reasons) is sent as a new message, so the admin is
 * notified. Called from the worker's progress thread; a failed edit is logged and tried again next time.
 */
final class ProgressNotifier {
    private static final Logger log = LoggerFactory.getLogger(ProgressNotifier.class);
    private final BroadcastStore store;
    private final Map<String, Transport> transports;
    private final Map<Long, RateMeter> rates = new HashMap<>();
    private final Map<Long, String> shown = new HashMap<>();

    ProgressNotifier(BroadcastStore store, Map<String, Transport> transports) {
        this.store = store;
        this.transports = transports;
    }

    void tick() {
        for (Job job : store.toReport()) {
            Transport t = transports.get(job.admin().transport());
            if (t == null) continue; // that messenger is not running here
            if (job.status() == Job.Status.RUNNING) {
                progress(t, job);
            } else if (job.finished() && store.takeSummary(job.id())) {
                finish(t, job);
            }
        }
    }

    private void progress(Transport t, Job job) {
        double rate = rates.computeIfAbsent(job.id(), k -> new RateMeter()).observe(job);
        String text = BroadcastTexts.of(job.lang()).progress(job, rate);
        if (!canEdit(t, job) || text.equals(shown.get(job.id()))) return;
        try {
            t.edit(job.admin().chatId(), job.admin().messageId(), Reply.text(text));
            shown.put(job.id(), text);
        } catch (TransportException e) {
            log.debug("broadcast #{}: progress edit failed: {}", job.id(), e.getMessage());
        }
    }

    private void finish(Transport t, Job job) {
        rates.remove(job.id());
        shown.remove(job.id());
        BroadcastTexts texts = BroadcastTexts.of(job.lang());
        String result = texts.finished(job);
        try {
            if (canEdit(t, job)) t.edit(job.admin().chatId(), job.admin().messageId(), Reply.text(result));
        } catch (TransportException e) {
            log.debug("broadcast #{}: final edit failed: {}", job.id(), e.getMessage());
        }
        StringBuilder summary = new StringBuilder(result);
        Map<String, Integer> failures = store.failures(job.id(), 3);
        if (!failures.isEmpty()) {
            summary.append("\n\n").append(texts.get("failures"));
            failures.forEach((reason, n) -> summary.append("\n• ").append(texts.num(n)).append(" × ").append(reason));
        }
        try {
            t.send(job.admin().chatId(), Reply.text(summary.toString()));
        } catch (TransportException e) {
            log.warn("broadcast #{}: the summary could not be sent to the admin: {}", job.id(), e.getMessage());
        }
    }

    private static boolean canEdit(Transport t, Job job) {
        return t.capabilities().edits() && job.admin().messageId() != null;
    }
}
