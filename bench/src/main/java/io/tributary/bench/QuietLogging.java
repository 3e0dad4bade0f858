package io.tributary.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bench's own processes (the bench, the fake shops) log warnings only. Without a configuration Logback logs
 * everything at DEBUG to stdout — the JDBC driver's every statement while the limit is measured, in the middle of
 * the fake shops' answers on stdout. A logback.xml of the bench's own would meet the daemon's on the test class path.
 */
final class QuietLogging {
    private QuietLogging() {}

    static void apply() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
}
