package ir.peyk.cli;

import ir.peyk.config.PeykConfig;
import ir.peyk.console.LoginTokens;
import ir.peyk.store.Database;
import ir.peyk.webhook.Route;
import ir.peyk.webhook.WebhookService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code peyk console link}: a one-time login link for the Peyk Console of the bot running on the same store. */
@Command(name = "console", description = "The Peyk Console (admin web pages).", subcommands = ConsoleCommand.Link.class)
final class ConsoleCommand implements Runnable {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say which: peyk console link");
    }

    @Command(name = "link", description = "Print a one-time login link (valid 15 minutes, for one login). It logs "
            + "whoever opens it in: treat it like a password.")
    static final class Link implements Callable<Integer> {
        @ParentCommand
        ConsoleCommand parent;

        @Override
        public Integer call() throws Exception {
            PeykConfig config = parent.main.loadConfig();
            if (!config.console().enabled()) {
                System.err.println("peyk: the console is off (console.enabled in the config, or PEYK_CONSOLE=on); "
                        + "the link works once a bot runs with it on");
            }
            String token;
            try (Database db = Database.open(config.store())) {
                token = new LoginTokens(db).issue();
            }
            System.out.println(base(config) + "/console/login?t=" + token);
            return 0;
        }

        private static String base(PeykConfig config) {
            String url = config.console().publicUrl();
            if (url != null && !url.isBlank()) return Route.base(url);
            String host = WebhookService.host(config);
            if (host.equals("0.0.0.0") || host.equals("::")) host = "127.0.0.1";
            if (host.contains(":")) host = "[" + host + "]";
            return "http://" + host + ":" + config.webhook().port();
        }
    }
}
