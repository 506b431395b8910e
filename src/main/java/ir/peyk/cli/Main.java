package ir.peyk.cli;

import ir.peyk.config.ConfigException;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar target/peyk.jar [--config FILE] [--db FILE] [COMMAND]}. With no command it runs the bot.
 * Exit codes: 0 success, 1 runtime failure (e.g. a transport refused its token), 2 bad input or usage.
 */
@Command(name = "peyk", mixinStandardHelpOptions = true, version = "peyk 0.1.0",
        description = "A bot that answers questions about a Persian news article on Iran's messengers.",
        subcommands = {
                RunCommand.class,
                IngestCommand.class,
                ArticlesCommand.class,
                StatsCommand.class,
                AskCommand.class,
                SummaryCommand.class,
                QuotesCommand.class,
                BenchCommand.class,
                BroadcastCommand.class,
                WebhookCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: config/peyk.yaml)")
    Path config = Path.of("config/peyk.yaml");

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite store (overrides the config and PEYK_DB)")
    Path db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: run the bot.
        CommandLine run = spec.commandLine().getSubcommands().get("run");
        int code = run.execute();
        if (code != 0) throw new ExitException(code);
    }

    /** Loads the configuration, applying --db. */
    PeykConfig loadConfig() throws ConfigException {
        PeykConfig c = PeykConfig.load(config, System.getenv());
        if (db != null) {
            c = new PeykConfig(db.toAbsolutePath(), c.article(), c.transports(), c.admins(), c.throttle(), c.webhook(),
                    c.baseDir());
        }
        return c;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        withHelp(cli);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ExitException exit) return exit.code;
            if (ex instanceof UserError || ex instanceof ConfigException || ex instanceof StoreException) {
                cmd.getErr().println("peyk: " + ex.getMessage());
                return 2;
            }
            cmd.getErr().println("peyk: " + ex);
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * Gives every subcommand, at every depth, {@code -h/--help} (and {@code -V/--version}): error messages tell the
     * user to run e.g. {@code peyk broadcast --help}, so it must work everywhere, not only at the top.
     */
    private static void withHelp(CommandLine cmd) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) sub.getCommandSpec().mixinStandardHelpOptions(true);
            withHelp(sub);
        }
    }

    /** A problem with what the user gave us: one line on stderr, exit 2. */
    public static final class UserError extends RuntimeException {
        public UserError(String message) {
            super(message);
        }
    }

    /** Ends the command with a given exit code after its own output. */
    public static final class ExitException extends RuntimeException {
        final int code;

        public ExitException(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
