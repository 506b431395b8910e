package ir.peyk.cli;

import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Migrations;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code peyk db status} shows the store's schema version and what is pending; {@code peyk db migrate} applies it.
 * The bot migrates at start on its own; these are for an operator who upgrades by hand (replicas started with
 * {@code run --no-migrate}), or who wants to see what an upgrade will do first.
 */
@Command(name = "db", description = "The store's schema: status and migrations.",
        subcommands = {DbCommand.Status.class, DbCommand.Migrate.class})
final class DbCommand implements Runnable {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say which: peyk db status | migrate");
    }

    @Command(name = "status", description = "Print the store's schema version, the applied and the pending migrations. "
            + "Exit 0 when current, 3 when migrations are pending.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        DbCommand parent;

        @Override
        public Integer call() throws Exception {
            PeykConfig config = parent.main.loadConfig();
            try (Database db = Database.openUnmigrated(config.storeLocation())) {
                Migrations.Status s = Migrations.status(db);
                System.out.println("store " + db.location().display() + " (" + db.dialect().folder() + "): schema version "
                        + s.current() + " of " + s.latest());
                for (Migrations.Applied a : s.applied()) {
                    System.out.println("  applied V" + a.version() + " " + a.description() + " at "
                            + Instant.ofEpochMilli(a.appliedAt()) + (a.changed() ? "  (the script changed since)" : ""));
                }
                for (Migrations.Script p : s.pending()) {
                    System.out.println("  pending V" + p.version() + " " + p.description());
                }
                if (s.current() > s.latest()) {
                    System.out.println("  the store is newer than this Peyk: run a Peyk that knows version " + s.current());
                }
                return s.upToDate() ? 0 : 3;
            }
        }
    }

    @Command(name = "migrate", description = "Apply the pending migrations (each in its own transaction).")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        DbCommand parent;

        @Override
        public Integer call() throws Exception {
            PeykConfig config = parent.main.loadConfig();
            try (Database db = Database.openUnmigrated(config.storeLocation())) {
                List<Migrations.Script> applied = Migrations.migrate(db);
                for (Migrations.Script s : applied) System.out.println("applied V" + s.version() + " " + s.description());
                System.out.println("store " + db.location().display() + ": schema version " + Migrations.status(db).current()
                        + (applied.isEmpty() ? " (already current)" : ""));
                return 0;
            }
        }
    }
}
