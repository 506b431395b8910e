package ir.peyk.adapter;

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
}
