package ir.peyk.launcher;

import java.lang.management.ManagementFactory;

/**
 * Stands in for Peyk's jar in {@link LauncherTest}: prints what it was started with, one item a line — the JVM options
 * (as the JVM saw them), the environment the launcher sets, and its arguments.
 */
public final class LauncherProbe {
    private LauncherProbe() {}

    public static void main(String[] args) {
        for (String o : ManagementFactory.getRuntimeMXBean().getInputArguments()) System.out.println("jvm " + o);
        System.out.println("env MALLOC_ARENA_MAX=" + System.getenv("MALLOC_ARENA_MAX"));
        for (String a : args) System.out.println("arg " + a);
    }
}
