package ir.peyk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/peyk and bin/peyk-cds, run by sh on a real JVM, with a small jar of {@link LauncherProbe} in place of Peyk's
 * (the tests run before the package phase makes target/peyk.jar): the JVM gets the defaults, Peyk gets its arguments
 * unchanged, PEYK_JAVA_OPTS adds to the defaults, and the class-data-sharing archive is used when it fits the jar and
 * skipped, or survived, when it does not.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("bin/peyk").toAbsolutePath();
    private static final Path CDS = Path.of("bin/peyk-cds").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void runsTheJarWithTheDefaultsAndPassesArgumentsThroughUnchanged() throws Exception {
        Path jar = probeJar();
        Result r = run(LAUNCHER, Map.of("PEYK_JAR", jar.toString()), "stats", "--json", "دو کلمه", "");
        assertEquals(0, r.code, r.out);
        assertEquals(List.of("stats", "--json", "دو کلمه", ""), r.lines("arg "));
        List<String> jvm = r.lines("jvm ");
        for (String o : List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError")) {
            assertTrue(jvm.contains(o), o + " missing from " + jvm);
        }
        assertFalse(jvm.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")), "no archive beside the jar: " + jvm);
        assertEquals(List.of("MALLOC_ARENA_MAX=2"), r.lines("env "));
    }

    @Test
    void peykJavaOptsComeAfterTheDefaultsAndAnotherCollectorReplacesSerial() throws Exception {
        Path jar = probeJar();
        Result r = run(LAUNCHER, Map.of("PEYK_JAR", jar.toString(), "PEYK_JAVA_OPTS", "-Xmx96m -XX:+UseParallelGC"));
        assertEquals(0, r.code, r.out);
        List<String> jvm = r.lines("jvm ");
        assertFalse(jvm.contains("-XX:+UseSerialGC"), jvm.toString());
        assertTrue(jvm.indexOf("-Xmx96m") > jvm.indexOf("-Xmx64m"), "the last -Xmx wins: " + jvm);
        assertTrue(jvm.contains("-XX:+UseParallelGC"), jvm.toString());
    }

    @Test
    void usesTheArchiveThatPeykCdsMadeAndIgnoresOneOlderThanTheJar() throws Exception {
        Path jar = probeJar();
        Path jsa = dir.resolve("peyk.jsa");
        Result made = run(CDS, Map.of(), jar.toString());
        assertEquals(0, made.code, made.out);
        assertTrue(Files.size(jsa) > 0, made.out);
        assertFalse(Files.exists(dir.resolve("peyk-cds")), "the scratch folder is removed");

        // -Xshare:on makes Java refuse to start when the archive cannot be used.
        Result r = run(LAUNCHER, Map.of("PEYK_JAR", jar.toString(), "PEYK_JAVA_OPTS", "-Xshare:on"), "run");
        assertEquals(0, r.code, r.out + r.err);
        assertTrue(r.lines("jvm ").contains("-XX:SharedArchiveFile=" + jsa), r.out);
        assertEquals("", r.err, "the archive fits the jar");

        // A rebuilt jar makes the archive stale: the launcher leaves it out rather than have Java warn at each start.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jsa).toMillis() + 5_000));
        Result stale = run(LAUNCHER, Map.of("PEYK_JAR", jar.toString()), "run");
        assertEquals(0, stale.code, stale.out);
        assertFalse(stale.lines("jvm ").stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")), stale.out);
    }

    @Test
    void anArchiveThatDoesNotFitOnlyCostsAWarningOnStderr() throws Exception {
        Path jar = probeJar();
        Files.writeString(dir.resolve("peyk.jsa"), "not an archive"); // newer than the jar, so the launcher passes it
        Result r = run(LAUNCHER, Map.of("PEYK_JAR", jar.toString()), "x");
        assertEquals(0, r.code, r.out);
        assertEquals(List.of("x"), r.lines("arg "), "stdout holds the program's output only: " + r.out);
    }

    @Test
    void aMissingJarIsOneLineAndExit2() throws Exception {
        Result r = run(LAUNCHER, Map.of("PEYK_JAR", dir.resolve("none.jar").toString()));
        assertEquals(2, r.code, r.out);
        assertTrue(r.err.contains("no jar at"), r.err);
    }

    /** A runnable jar of {@link LauncherProbe}, a second older than now (so an archive made after it is newer). */
    private Path probeJar() throws IOException {
        Path jar = dir.resolve("peyk.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry(entry));
            try (var in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(j);
            }
            j.closeEntry();
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 2_000));
        return jar;
    }

    private Result run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PEYK_") || k.equals("MALLOC_ARENA_MAX")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script did not finish");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private record Result(int code, String out, String err) {
        List<String> lines(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }
    }
}
