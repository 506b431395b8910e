package ir.peyk.cli;

import ir.peyk.config.ConfigException;
import ir.peyk.config.PeykConfig;
import ir.peyk.logging.LogSetup;
import ir.peyk.store.StoreException;
import ir.peyk.store.StoreLocation;
import java.nio.file.Files;
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
                EvalCommand.class,
                TrainCommand.class,
                BroadcastCommand.class,
                WebhookCommand.class,
                DbCommand.class,
                ConsoleCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Looked for when neither --config nor PEYK_CONFIG names a file; without it the built-in defaults apply. */
    static final Path DEFAULT_CONFIG = Path.of("config/peyk.yaml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "config file (default: $PEYK_CONFIG, else config/peyk.yaml when present, else built-in defaults)")
    Path config;

    @Option(names = "--db", paramLabel = "FILE|URL", description = "the store: a SQLite file or "
            + "postgresql://HOST/DB?user=NAME (overrides the config and PEYK_DB)")
    String db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether the operator chose where the store is (--db, PEYK_DB or a config file), set by {@link #loadConfig}. */
    private boolean storeChosen;

    @Override
    public void run() {
        // No subcommand: run the bot.
        CommandLine run = spec.commandLine().getSubcommands().get("run");
        int code = run.execute();
        if (code != 0) throw new ExitException(code);
    }

    /** Loads the configuration (--config, else PEYK_CONFIG, else config/peyk.yaml if present), applying --db. */
    PeykConfig loadConfig() throws ConfigException {
        String env = System.getenv("PEYK_CONFIG");
        Path file = config != null ? config
                : env != null && !env.isBlank() ? Path.of(env.strip())
                : Files.exists(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
        PeykConfig c = PeykConfig.load(file, System.getenv());
        String dbEnv = System.getenv("PEYK_DB");
        storeChosen = db != null || file != null || (dbEnv != null && !dbEnv.isBlank());
        if (db != null) {
            try {
                c = c.withStore(StoreLocation.parse(db, Path.of("").toAbsolutePath(), System.getenv()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--db: " + e.getMessage());
            }
        }
        return c;
    }

    /**
     * The store for a command that only reads: the one the operator chose, created if absent; with no choice made
     * (no config file, no --db, no PEYK_DB: the jar run from some folder) the built-in default's store when it exists,
     * else a scratch one that is removed afterwards — a look at the article leaves nothing behind.
     */
    Peyk openForReading() throws ConfigException {
        PeykConfig c = loadConfig();
        return storeChosen ? Peyk.open(c) : Peyk.openForReading(c);
    }

    public static void main(String[] args) {
        try {
            LogSetup.configure(System.getenv()); // before anything logs; a bad setting is one line, exit 2
        } catch (ConfigException e) {
            System.err.println("peyk: " + e.getMessage());
            System.exit(2);
        }
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
