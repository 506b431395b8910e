package ir.peyk.config;

/** The configuration is wrong; the message says what to change. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
