package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.store.CommitGate;
import ir.peyk.store.StoreException;
import ir.peyk.transport.console.ConsoleTransport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The transport a handler is given, over the real console transport: nothing reaches the user before the commit. */
class HandlerTransportTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ConsoleTransport console = new ConsoleTransport(new ByteArrayInputStream(new byte[0]),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReplyWaitsForTheCommitOfItsUpdate() throws Exception {
        CommitGate commit = new CommitGate();
        HandlerTransport t = new HandlerTransport(console, commit);
        CompletableFuture<Sent> sent = CompletableFuture.supplyAsync(() -> {
            try {
                return t.send("console", Reply.text("after the commit"));
            } catch (TransportException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThrows(java.util.concurrent.TimeoutException.class, () -> sent.get(300, TimeUnit.MILLISECONDS));
        assertEquals("", printed(), "nothing printed while the update is not stored");
        commit.committed();
        sent.get(30, TimeUnit.SECONDS);
        assertTrue(printed().contains("after the commit"), printed());
    }

    @Test
    void nothingIsSentForAnUpdateWhoseStoreRolledBack() {
        CommitGate commit = new CommitGate();
        commit.rolledBack();
        HandlerTransport t = new HandlerTransport(console, commit);
        StoreException e = assertThrows(StoreException.class, () -> t.send("console", Reply.text("never")));
        assertTrue(e.getMessage().contains("not stored"), e.getMessage());
        assertThrows(StoreException.class, () -> t.typing("console"));
        assertEquals("", printed());
    }
}
