package ir.peyk.adapter;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** Names a process's claims and leases in a shared store: readable (host, pid) and unique (a random suffix). */
final class ProcessIds {
    private ProcessIds() {}

    static String next(String role) {
        return role + ":" + ManagementFactory.getRuntimeMXBean().getName() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
