package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.testing.Postgres;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peyk db status|migrate}, and what the CLI says about a store it cannot use. */
class DbCommandTest {
    @TempDir
    Path dir;

    @Test
    void statusShowsWhatIsPendingAndMigrateAppliesIt() throws Exception {
        Path file = dir.resolve("old.db");
        try (InputStream in = getClass().getResourceAsStream("/store/schema-v0.db")) {
            Files.copy(in, file);
        }
        CliTest.Run before = CliTest.run("--db", file.toString(), "db", "status");
        assertEquals(3, before.code(), before.err());
        assertTrue(before.out().contains("schema version 0 of 5"), before.out());
        assertTrue(before.out().contains("pending V1 baseline"), before.out());
        assertTrue(before.out().contains("pending V2 inbox claims"), before.out());

        CliTest.Run migrate = CliTest.run("--db", file.toString(), "db", "migrate");
        assertEquals(0, migrate.code(), migrate.err());
        assertTrue(migrate.out().contains("applied V3 shared send pace"), migrate.out());
        assertTrue(migrate.out().contains("applied V5 inbox partial indexes"), migrate.out());

        CliTest.Run after = CliTest.run("--db", file.toString(), "db", "status");
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().contains("schema version 5 of 5"), after.out());
        assertFalse(after.out().contains("pending"), after.out());
        assertTrue(CliTest.run("--db", file.toString(), "db", "migrate").out().contains("already current"));
    }

    @Test
    void postgresqlStoreFromTheCommandLine() {
        try (Postgres pg = Postgres.fresh()) {
            CliTest.Run migrate = CliTest.run("--db", pg.url(), "db", "migrate");
            assertEquals(0, migrate.code(), migrate.err());
            CliTest.Run status = CliTest.run("--db", pg.url(), "db", "status");
            assertEquals(0, status.code(), status.err());
            assertTrue(status.out().contains("(postgresql): schema version 5 of 5"), status.out());
            assertFalse(status.out().contains("user=postgres"), "the URL's parameters are not echoed: " + status.out());
        }
    }

    @Test
    void anUnreachableDatabaseIsOneClearLineAndExit2() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free now, so nothing listens there
        }
        CliTest.Run run = CliTest.run("--db", "postgresql://127.0.0.1:" + port + "/test?user=postgres", "articles");
        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("cannot reach the PostgreSQL store postgresql://127.0.0.1:" + port + "/test"), run.err());
        assertTrue(run.err().contains("Connection refused") || run.err().contains("connection"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aPasswordInTheStoreUrlIsRefused() {
        for (String url : new String[]{"postgresql://peyk:s3cret@127.0.0.1/test",
                "postgresql://127.0.0.1/test?user=peyk&password=s3cret"}) {
            CliTest.Run run = CliTest.run("--db", url, "articles");
            assertEquals(2, run.code(), run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().contains("PEYK_DB_PASSWORD"), run.err());
            assertFalse(run.err().contains("s3cret"), "the password is not echoed: " + run.err());
        }
        CliTest.Run noDb = CliTest.run("--db", "postgresql://127.0.0.1", "articles");
        assertEquals(2, noDb.code());
        assertTrue(noDb.err().contains("names no database"), noDb.err());
    }
}
