package io.tributary.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Applies the log settings that {@code logback.xml} cannot read itself: it reads the environment once, at start, and
 * knows nothing of the configuration files. The level of Tributary's own loggers, and with {@code json} each console
 * appender swapped for one writing Logback's own {@link JsonEncoder}: one JSON object per line, with {@code timestamp}
 * (epoch milliseconds), {@code level}, {@code threadName}, {@code loggerName}, {@code formattedMessage} and, when
 * there is one, {@code throwable}. The text format, the default, is {@code logback.xml}'s, untouched.
 */
final class Logging {
    private Logging() {}

    static void apply(DaemonConfig config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: its own configuration rules
        }
        if (config.environment().containsKey(DaemonConfig.LOG_LEVEL)) {
            context.getLogger("io.tributary").setLevel(Level.toLevel(config.logLevel()));
        }
        if (config.logFormat() == DaemonConfig.LogFormat.JSON) {
            useJson(context);
        }
    }

    /** Replaces every console appender of the root logger by one with the JSON encoder, on the same stream. */
    private static synchronized void useJson(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<ConsoleAppender<ILoggingEvent>> text = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console
                    && !(console.getEncoder() instanceof JsonEncoder)) {
                text.add(console);
            }
        }
        for (ConsoleAppender<ILoggingEvent> old : text) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.setWithContext(false);
            encoder.setWithMessage(false); // the pattern with its {} placeholders: formattedMessage is what was said
            encoder.setWithArguments(false);
            encoder.setWithFormattedMessage(true);
            encoder.start();
            ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
            json.setContext(context);
            json.setName(old.getName() + "-json");
            json.setTarget(old.getTarget());
            json.setEncoder(encoder);
            json.start();
            // added before the old one leaves, so no line is lost while they change places
            root.addAppender(json);
            root.detachAppender(old);
            old.stop();
        }
    }
}
