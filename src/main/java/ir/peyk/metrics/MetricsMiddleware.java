package ir.peyk.metrics;

import ir.peyk.adapter.Context;
import ir.peyk.adapter.Middleware;

/**
 * Counts handled updates ({@code peyk_updates_handled_total{outcome="ok"|"failed"}}) without touching the
 * dispatcher: add it first, {@code bot.use(new MetricsMiddleware())}, so it wraps every later step.
 */
public final class MetricsMiddleware implements Middleware {
    @Override
    public void handle(Context ctx, Next next) throws Exception {
        String transport = ctx.update().transport();
        try {
            next.run();
        } catch (Exception | Error e) {
            Metrics.updateHandled(transport, "failed");
            throw e;
        }
        Metrics.updateHandled(transport, "ok");
    }
}
