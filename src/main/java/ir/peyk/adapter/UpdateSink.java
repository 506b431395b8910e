package ir.peyk.adapter;

/**
 * Where received updates go: the adapter's durable inbox. {@link #submit} returns only once the batch is stored, so a
 * webhook may acknowledge the platform after it returns and a crash loses nothing. Duplicates (same transport and
 * key) are ignored.
 */
public interface UpdateSink {
    void submit(String transport, Batch batch) throws Exception;
}
