package io.tributary.testkit.leaks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;

/**
 * A Logback appender for tests that writes nothing: it hands each event's message and stack trace to
 * {@link CredentialWatch#scan}. Listed in the modules' {@code logback-test.xml} at DEBUG for {@code io.tributary}, so
 * lines the console does not print (the HTTP calls' own log) are scanned too.
 */
public final class CredentialWatchAppender extends AppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
        String where = "the log line of " + event.getLoggerName() + " (" + event.getLevel() + ")";
        CredentialWatch.scan(where, event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            CredentialWatch.scan(where + "'s stack trace", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
    }
}
