package ir.peyk.adapter;

import java.util.List;

/**
 * One step of update handling (grammY's middleware): do something with the context, and call {@code next} to pass
 * the update on — or don't, to stop here. The bot is a list of these: e.g. logging → broadcast commands → router.
 */
@FunctionalInterface
public interface Middleware {
    void handle(Context ctx, Next next) throws Exception;

    @FunctionalInterface
    interface Next {
        void run() throws Exception;
    }

    /** One middleware running {@code steps} in order: each runs the rest by calling its {@code next}. */
    static Middleware compose(List<Middleware> steps) {
        List<Middleware> list = List.copyOf(steps);
        return (ctx, next) -> step(list, 0, ctx, next);
    }

    private static void step(List<Middleware> list, int i, Context ctx, Next last) throws Exception {
        if (i == list.size()) {
            last.run();
            return;
        }
        list.get(i).handle(ctx, () -> step(list, i + 1, ctx, last));
    }
}
