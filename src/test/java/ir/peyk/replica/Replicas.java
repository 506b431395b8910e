package ir.peyk.replica;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts and ends {@link ReplicaMain} processes; each one's stderr goes to a file in {@code dir}. */
final class Replicas implements AutoCloseable {
    /** A started replica: its process and, in webhook mode, its port. */
    record Replica(String name, Process process, int port) {
        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop, claims and locks left behind
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private final Path dir;
    private final List<Replica> started = new ArrayList<>();

    Replicas(Path dir) {
        this.dir = dir;
    }

    Replica start(String name, String storeUrl, String apiUrl, String token, String mode, String secret)
            throws IOException {
        return start(name, storeUrl, apiUrl, token, mode, secret, "0");
    }

    Replica start(String name, String storeUrl, String apiUrl, String token, String mode, String secret, String rate)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:TieredStopAtLevel=1", "-Dpeyk.inbox.claimSeconds=3",
                "-cp", System.getProperty("java.class.path"), ReplicaMain.class.getName(),
                name, storeUrl, apiUrl, token, mode, rate);
        pb.environment().putAll(ReplicaMain.env(secret));
        pb.environment().remove("PEYK_DB_PASSWORD");
        pb.environment().put("PEYK_LOG_LEVEL", "INFO");   // the replica's own log file: a test reads who stands by
        Path err = dir.resolve(name + ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !(line.startsWith("PORT ") || line.equals("STARTED"))) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not start: " + line + "\n" + Files.readString(err));
        }
        Replica r = new Replica(name, p, line.startsWith("PORT ") ? Integer.parseInt(line.substring(5)) : -1);
        started.add(r);
        return r;
    }

    String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".err"));
    }

    @Override
    public void close() throws InterruptedException {
        for (Replica r : started) {
            if (r.process().isAlive()) {
                r.process().destroy(); // SIGTERM: a clean stop
            }
        }
        for (Replica r : started) {
            if (!r.process().waitFor(20, TimeUnit.SECONDS)) r.kill();
        }
    }
}
