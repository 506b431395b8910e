package ir.peyk.broadcast;

/** What the admin commands tell the worker of this process, so it reacts now rather than at its next poll. */
public interface WorkerSignals {
    /** A job was confirmed: look for rows now. */
    void wake();

    /** A job was cancelled: skip its queued rows. */
    void cancelled(long jobId);

    /** For a process without a worker: the worker finds changes in the store by itself within a second. */
    WorkerSignals NONE = new WorkerSignals() {
        @Override
        public void wake() {}

        @Override
        public void cancelled(long jobId) {}
    };
}
