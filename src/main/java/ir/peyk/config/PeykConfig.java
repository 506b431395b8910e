package ir.peyk.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import ir.peyk.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code config/peyk.yaml} with the environment laid over it. The file holds no secrets; tokens and overrides come
 * from environment variables: {@code PEYK_DB} (and {@code PEYK_DB_PASSWORD}), {@code PEYK_TRANSPORT}, {@code PEYK_<NAME>_TOKEN},
 * {@code PEYK_<NAME>_API_URL}, {@code PEYK_ADMINS}, {@code PEYK_WEBHOOK_PORT}, {@code PEYK_WEBHOOK_URL}.
 *
 * @param store      the SQLite file; null when the store is PostgreSQL
 * @param article    the default article, ingested on first use when the store is empty
 * @param transports every known transport, enabled or not, by name (insertion order = config order)
 * @param admins     "transport:userId" of the admins who may broadcast
 * @param throttle   outgoing message limits
 * @param webhook    the webhook server
 * @param baseDir    the folder relative paths are resolved against (the config file's parent's parent for
 *                   config/peyk.yaml, i.e. the project folder)
 * @param storeLocation the store: the SQLite file, or a PostgreSQL URL ({@code store: postgresql://…}) with the
 *                   password from {@code PEYK_DB_PASSWORD}
 * @param console    the admin web console (served by the webhook server)
 */
public record PeykConfig(Path store, Path article, Map<String, TransportConfig> transports, List<String> admins,
                         ThrottleConfig throttle, WebhookConfig webhook, Path baseDir, StoreLocation storeLocation,
                         ConsoleConfig console) {

    public PeykConfig {
        if (storeLocation == null) storeLocation = new StoreLocation.Sqlite(store);
        if (console == null) console = ConsoleConfig.OFF;
    }

    /** A config whose store is the SQLite file {@code store}, without the console. */
    public PeykConfig(Path store, Path article, Map<String, TransportConfig> transports, List<String> admins,
                      ThrottleConfig throttle, WebhookConfig webhook, Path baseDir) {
        this(store, article, transports, admins, throttle, webhook, baseDir, new StoreLocation.Sqlite(store),
                ConsoleConfig.OFF);
    }

    /** Without the console. */
    public PeykConfig(Path store, Path article, Map<String, TransportConfig> transports, List<String> admins,
                      ThrottleConfig throttle, WebhookConfig webhook, Path baseDir, StoreLocation storeLocation) {
        this(store, article, transports, admins, throttle, webhook, baseDir, storeLocation, ConsoleConfig.OFF);
    }

    /** A SQLite store, with a console setting. */
    public PeykConfig(Path store, Path article, Map<String, TransportConfig> transports, List<String> admins,
                      ThrottleConfig throttle, WebhookConfig webhook, Path baseDir, ConsoleConfig console) {
        this(store, article, transports, admins, throttle, webhook, baseDir, new StoreLocation.Sqlite(store), console);
    }

    /** The same config with another store (the command line's {@code --db}). */
    public PeykConfig withStore(StoreLocation location) {
        Path file = location instanceof StoreLocation.Sqlite s ? s.file() : null;
        return new PeykConfig(file, article, transports, admins, throttle, webhook, baseDir, location, console);
    }

    /** Outgoing limits; 0 turns a limit off. */
    public record ThrottleConfig(double overallPerSecond, double perChatPerSecond, double perGroupPerMinute) {}

    /** The webhook server: port 0 picks a free one; {@code publicUrl} is what platforms post to. */
    public record WebhookConfig(boolean enabled, String host, int port, String publicUrl, long maxBodyBytes) {}

    /** The platforms' own API base URLs. */
    public static final Map<String, String> DEFAULT_API_URLS = Map.of(
            "telegram", "https://api.telegram.org",
            "bale", "https://tapi.bale.ai",
            "soroush", "https://api.splus.ir",
            "rubika", "https://botapi.rubika.ir/v3",
            "eitaa", "https://eitaayar.ir/api",
            "gap", "https://api.gap.im");

    /** The default article, relative to the project folder; also in the jar as {@code /peyk/articles/<its name>}. */
    public static final String DEFAULT_ARTICLE = "config/articles/government-services-domestic-messengers.fa.txt";

    public static final List<String> KNOWN_TRANSPORTS =
            List.of("console", "telegram", "bale", "soroush", "rubika", "eitaa", "gap");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Loads {@code file} (or only defaults when it is null or absent and {@code required} is false). */
    public static PeykConfig load(Path file, Map<String, String> env) throws ConfigException {
        JsonNode root;
        Path base;
        if (file != null && Files.exists(file)) {
            try {
                root = YAML.readTree(file.toFile());
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + firstLine(e.getMessage()));
            }
            Path parent = file.toAbsolutePath().getParent();
            base = parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("config")
                    ? parent.getParent() : parent;
        } else if (file != null && !file.equals(Path.of("config/peyk.yaml"))) {
            throw new ConfigException("config file " + file + " does not exist");
        } else {
            root = YAML.createObjectNode();
            base = Path.of("").toAbsolutePath();
        }
        if (root == null || root.isMissingNode() || root.isNull()) root = YAML.createObjectNode();
        checkKeys(root, "", List.of("store", "article", "transports", "admins", "throttle", "webhook", "console"));

        String store = env.getOrDefault("PEYK_DB", text(root, "store", "data/peyk.db"));
        StoreLocation storeLocation;
        try {
            storeLocation = StoreLocation.parse(store, base, env);
        } catch (IllegalArgumentException e) {
            throw new ConfigException((env.containsKey("PEYK_DB") ? "PEYK_DB: " : "store: ") + e.getMessage());
        }
        String article = text(root, "article", DEFAULT_ARTICLE);

        Map<String, TransportConfig> transports = new LinkedHashMap<>();
        JsonNode tnode = root.path("transports");
        List<String> names = new ArrayList<>(KNOWN_TRANSPORTS);
        for (Iterator<String> it = tnode.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!KNOWN_TRANSPORTS.contains(n)) {
                throw new ConfigException("unknown transport '" + n + "' in " + file + "; known: " + KNOWN_TRANSPORTS);
            }
        }
        String enabledEnv = env.get("PEYK_TRANSPORT");
        List<String> enabledList = null;
        if (enabledEnv != null && !enabledEnv.isBlank()) {
            enabledList = new ArrayList<>();
            for (String s : enabledEnv.split(",")) {
                String n = s.strip().toLowerCase(Locale.ROOT);
                if (n.isEmpty()) continue;
                if (!KNOWN_TRANSPORTS.contains(n)) {
                    throw new ConfigException("PEYK_TRANSPORT names unknown transport '" + n + "'; known: " + KNOWN_TRANSPORTS);
                }
                enabledList.add(n);
            }
        }
        for (String n : names) {
            JsonNode t = tnode.path(n);
            checkKeys(t, "transports." + n + ".", List.of("enabled", "apiUrl", "mode", "channels", "options"));
            if (t.has("token")) throw new ConfigException("tokens do not belong in the config file: set "
                    + TransportConfig.tokenVariable(n) + " instead");
            String up = n.toUpperCase(Locale.ROOT);
            String token = blankToNull(env.get(TransportConfig.tokenVariable(n)));
            String apiUrl = env.getOrDefault("PEYK_" + up + "_API_URL", text(t, "apiUrl", DEFAULT_API_URLS.get(n)));
            String where = "transports." + n + ".";
            // The console is the fallback chat: on when the file says nothing of it, unless another messenger is on
            // (a bot on Bale must not also read the terminal's stdin — under a test runner that blocks a fork).
            boolean enabled = enabledList != null ? enabledList.contains(n)
                    : ConfigValues.flag(t, "enabled", n.equals("console") && !otherEnabled(tnode), where);
            List<String> channels = ConfigValues.list(t, "channels", where, "[\"@my_channel\"]");
            Map<String, String> options = ConfigValues.options(t, n, where);
            String mode = env.getOrDefault("PEYK_" + up + "_MODE", text(t, "mode", "polling"));
            if (!mode.equals("polling") && !mode.equals("webhook")) {
                throw new ConfigException("transports." + n + ".mode must be polling or webhook, not '" + mode + "'");
            }
            transports.put(n, new TransportConfig(n, enabled, token, stripSlash(apiUrl), mode, channels, options));
        }

        List<String> admins = new ArrayList<>(ConfigValues.list(root, "admins", "", "[\"telegram:12345\"]"));
        String adminsEnv = env.get("PEYK_ADMINS");
        if (adminsEnv != null && !adminsEnv.isBlank()) {
            admins.clear();
            for (String a : adminsEnv.split(",")) if (!a.isBlank()) admins.add(a.strip());
        }
        for (String a : admins) {
            if (!a.matches("[a-z]+:[^:\\s]+")) {
                throw new ConfigException("admin '" + a + "' must be written transport:userId, e.g. telegram:12345");
            }
        }

        JsonNode th = root.path("throttle");
        checkKeys(th, "throttle.", List.of("overallPerSecond", "perChatPerSecond", "perGroupPerMinute"));
        ThrottleConfig throttle = new ThrottleConfig(
                ConfigValues.number(th, "overallPerSecond", 30, 0, 1e6, "throttle."),
                ConfigValues.number(th, "perChatPerSecond", 1, 0, 1e6, "throttle."),
                ConfigValues.number(th, "perGroupPerMinute", 20, 0, 1e6, "throttle."));

        JsonNode wh = root.path("webhook");
        checkKeys(wh, "webhook.", List.of("enabled", "host", "port", "publicUrl", "maxBodyBytes"));
        int port = (int) ConfigValues.number(wh, "port", 8443, 0, 65535, "webhook.");
        if (env.containsKey("PEYK_WEBHOOK_PORT")) {
            port = (int) ConfigValues.whole(env.get("PEYK_WEBHOOK_PORT"), 0, 65535, "PEYK_WEBHOOK_PORT");
        }
        WebhookConfig webhook = new WebhookConfig(ConfigValues.flag(wh, "enabled", false, "webhook."),
                text(wh, "host", "0.0.0.0"), port, env.getOrDefault("PEYK_WEBHOOK_URL", text(wh, "publicUrl", null)),
                (long) ConfigValues.number(wh, "maxBodyBytes", 1 << 20, 1, Long.MAX_VALUE, "webhook."));

        JsonNode cn = root.path("console");
        checkKeys(cn, "console.", List.of("enabled", "behindTls", "allowPlainRemote", "publicUrl"));
        String consoleEnv = env.getOrDefault("PEYK_CONSOLE", "").strip().toLowerCase(Locale.ROOT);
        if (!consoleEnv.isEmpty() && !List.of("on", "true", "1", "yes", "off", "false", "0", "no").contains(consoleEnv)) {
            throw new ConfigException("PEYK_CONSOLE must be on or off, not '" + env.get("PEYK_CONSOLE") + "'");
        }
        ConsoleConfig console = new ConsoleConfig(
                consoleEnv.isEmpty() ? cn.path("enabled").asBoolean(false) : List.of("on", "true", "1", "yes").contains(consoleEnv),
                cn.path("behindTls").asBoolean(false), cn.path("allowPlainRemote").asBoolean(false),
                blankToNull(env.getOrDefault("PEYK_CONSOLE_URL", text(cn, "publicUrl", null))));

        Path storeFile = storeLocation instanceof StoreLocation.Sqlite s ? s.file() : null;
        return new PeykConfig(storeFile, base.resolve(article), transports, List.copyOf(admins), throttle,
                webhook, base, storeLocation, console);
    }

    public List<TransportConfig> enabledTransports() {
        return transports.values().stream().filter(TransportConfig::enabled).toList();
    }

    public TransportConfig transport(String name) {
        return transports.get(name);
    }

    public boolean isAdmin(String transport, String userId) {
        return admins.contains(transport + ":" + userId);
    }

    /** Whether the file turns on a messenger other than the console. */
    private static boolean otherEnabled(JsonNode transports) throws ConfigException {
        for (Iterator<String> it = transports.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!n.equals("console") && ConfigValues.flag(transports.path(n), "enabled", false, "transports." + n + ".")) {
                return true;
            }
        }
        return false;
    }

    private static void checkKeys(JsonNode node, String prefix, List<String> allowed) throws ConfigException {
        if (node == null || !node.isObject()) return;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (prefix.startsWith("transports.") && k.equals("token")) continue; // reported with its own message
            if (!allowed.contains(k)) {
                throw new ConfigException("unknown setting '" + prefix + k + "' in the config; allowed here: " + allowed);
            }
        }
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? fallback : v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String stripSlash(String s) {
        return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
