package ir.peyk.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Peyk in a JVM of its own, as an operator starts it: its own working folder, its own environment (no PEYK_ variable
 * inherited), stdin from a string. For what an in-process {@link Main#execute} cannot show: the working folder, the
 * environment read by {@link Main#main}, what is left on disk.
 */
final class PeykProcess {
    record Result(int exit, String out, String err) {}

    private PeykProcess() {}

    static Result run(Path workDir, Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "ir.peyk.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PEYK_"));
        pb.environment().putAll(env);
        Path in = Files.createTempFile("peyk-in", ".txt");
        Path out = Files.createTempFile("peyk-out", ".txt");
        Path err = Files.createTempFile("peyk-err", ".txt");
        try {
            Files.writeString(in, stdin, StandardCharsets.UTF_8);
            Process p = pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("peyk did not end");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
