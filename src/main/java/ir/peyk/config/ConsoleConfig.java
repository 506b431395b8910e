package ir.peyk.config;

/**
 * The Peyk Console: admin web pages served by the bot's HTTP server (the webhook server's).
 *
 * @param enabled          serve the console ({@code console.enabled}, or {@code PEYK_CONSOLE=on})
 * @param behindTls        a TLS-terminating proxy is in front of the server: cookies are marked Secure, and the
 *                         console may then listen off loopback
 * @param allowPlainRemote listen off loopback without TLS anyway (an explicit, documented risk: sessions travel in
 *                         clear text)
 * @param publicUrl        the address admins open, for the one-time links {@code peyk console link} prints; null = the
 *                         server's own host and port
 */
public record ConsoleConfig(boolean enabled, boolean behindTls, boolean allowPlainRemote, String publicUrl) {
    public static final ConsoleConfig OFF = new ConsoleConfig(false, false, false, null);

    /**
     * Refuses to expose the console off the loopback interface without TLS termination or an explicit setting, since a
     * login link or a session cookie would then cross the network in clear text.
     */
    public void checkExposure(String host) throws ConfigException {
        if (!enabled || isLoopback(host) || behindTls || allowPlainRemote) return;
        throw new ConfigException("the console would listen on " + host + " without TLS: put a TLS proxy in front and set "
                + "console.behindTls: true, or listen on 127.0.0.1 (webhook.host), or set console.allowPlainRemote: true "
                + "to accept clear-text sessions");
    }

    static boolean isLoopback(String host) {
        return host != null && (host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost")
                || host.startsWith("127."));
    }
}
