package ablation.storage.jdbc;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log, through SLF4J, minus its "Flyway upgrade recommended: H2 ... is newer than this
 * version of Flyway" warning on every open (the combination is tested here), which would otherwise
 * greet every command-line user twice. Named in {@link SchemaMigrator}'s configuration.
 */
public final class FlywayLogs implements LogCreator {
    @Override
    public Log createLogger(Class<?> clazz) {
        Logger logger = LoggerFactory.getLogger(clazz);
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                logger.debug(message);
            }

            @Override
            public void info(String message) {
                logger.info(message);
            }

            @Override
            public void warn(String message) {
                if (message.startsWith("Flyway upgrade recommended")) {
                    logger.debug(message);
                } else {
                    logger.warn(message);
                }
            }

            @Override
            public void error(String message) {
                logger.error(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.error(message, e);
            }

            @Override
            public void notice(String message) {
                logger.info(message);
            }
        };
    }
}
