package ir.peyk.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import ir.peyk.config.ConfigException;
import java.util.Map;

/**
 * Logback's first configuration, in code (found through {@code META-INF/services}): what the environment asks for
 * ({@link LogSetup}), or stderr at WARN when a setting is bad ({@code Main} then says which and exits 2). It replaces a
 * logback.xml because parsing one loads about 500 classes (Joran, the JDK's XML parser) — memory and start time for
 * a file whose every setting Main replaces a moment later. A logback-test.xml on the class path (the tests') is left
 * to logback's own configurators.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class BootConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        ClassLoader loader = BootConfigurator.class.getClassLoader();
        if (loader.getResource("logback-test.xml") != null || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        try {
            LogSetup.apply(ctx, System.getenv());
        } catch (ConfigException | RuntimeException e) {
            try {
                LogSetup.apply(ctx, Map.of());
            } catch (ConfigException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
