package ir.peyk.cli;

import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.store.Database;
import ir.peyk.webhook.Route;
import ir.peyk.webhook.WebhookSecrets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code peyk webhook urls} prints the secret webhook URLs (Gap's must be entered in its developer portal by hand);
 * {@code peyk webhook rotate-secret} forgets the stored secret so the next run uses new URLs.
 */
@Command(name = "webhook", description = "Webhook URLs and secret.",
        subcommands = {WebhookCommand.Urls.class, WebhookCommand.RotateSecret.class})
final class WebhookCommand implements Runnable {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say which: peyk webhook urls | rotate-secret");
    }

    @Command(name = "urls", description = "Print the webhook URL of each transport in webhook mode. They contain the "
            + "secret: treat the output like a password.")
    static final class Urls implements Callable<Integer> {
        @ParentCommand
        WebhookCommand parent;

        @Override
        public Integer call() throws Exception {
            PeykConfig config = parent.main.loadConfig();
            List<TransportConfig> hooked = config.enabledTransports().stream().filter(TransportConfig::webhook).toList();
            if (hooked.isEmpty()) {
                System.err.println("peyk: no enabled transport is in webhook mode (transports.NAME.mode: webhook)");
                return 0;
            }
            String base = config.webhook().publicUrl();
            if (base == null || base.isBlank()) {
                System.err.println("peyk: webhook.publicUrl (PEYK_WEBHOOK_URL) is not set: printing paths only");
            }
            try (Database db = Database.open(config.storeLocation())) {
                WebhookSecrets secrets = WebhookSecrets.load(db, System.getenv());
                for (TransportConfig tc : hooked) {
                    System.out.println(tc.name() + " " + Route.url(base, tc.name(), secrets.pathSecret(tc.name())));
                }
            } catch (IllegalArgumentException e) {
                throw new Main.UserError(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "rotate-secret", description = "Forget the stored webhook secret: the next run generates a new "
            + "one and re-registers Telegram-family and Rubika webhooks (Gap's URL must be updated by hand).")
    static final class RotateSecret implements Callable<Integer> {
        @ParentCommand
        WebhookCommand parent;

        @Override
        public Integer call() throws Exception {
            PeykConfig config = parent.main.loadConfig();
            if (System.getenv(WebhookSecrets.ENV) != null && !System.getenv(WebhookSecrets.ENV).isBlank()) {
                throw new Main.UserError(WebhookSecrets.ENV + " is set, so the stored secret is not used: change "
                        + "that variable instead");
            }
            try (Database db = Database.open(config.storeLocation())) {
                WebhookSecrets.rotate(db);
            }
            System.err.println("peyk: webhook secret forgotten; restart the bot to use and register new URLs");
            return 0;
        }
    }
}
