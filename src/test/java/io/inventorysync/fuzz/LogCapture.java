package io.inventorysync.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Keeps every log line of this JVM from the moment it is installed, rendered as it would be written (message with
 * its arguments, the exception's messages and causes, the MDC), so a test can look for secrets in what the pack
 * logs. Spring Boot re-configures Logback at start, so {@link LogCaptureInitializer} attaches it again. Lines are kept up to
 * {@link #MAX_LINES}; a run that logs more is itself a finding ({@link #overflowed()}), since then not every line
 * could be checked.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> {

    static final int MAX_LINES = 200_000;

    private static final LogCapture INSTANCE = install();

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger seen = new AtomicInteger();

    private LogCapture() {
    }

    static LogCapture get() {
        return INSTANCE;
    }

    boolean overflowed() {
        return seen.get() > MAX_LINES;
    }

    /** How many log lines arrived since the capture was installed. */
    int lineCount() {
        return seen.get();
    }

    /**
     * @param secrets name → value of every secret to look for (the name is what a failure reports; values are never
     *                printed)
     * @return for each line that holds a secret, the line's logger and the secret's name
     */
    List<String> linesHolding(Map<String, String> secrets) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            secrets.forEach((name, value) -> {
                if (value != null && !value.isEmpty() && line.contains(value)) {
                    found.add(name + " in: " + line.substring(0, Math.min(line.indexOf(value), 160)) + "<secret>...");
                }
            });
        }
        return found;
    }

    @Override
    protected void append(ILoggingEvent event) {
        seen.incrementAndGet();
        if (lines.size() < MAX_LINES) {
            lines.add(render(event));
        }
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(' ').append(event.getThreadName()).append(": ").append(event.getFormattedMessage());
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null && !mdc.isEmpty()) {
            line.append(' ').append(mdc);
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            for (IThrowableProxy suppressed : t.getSuppressed()) {
                line.append(" | suppressed ").append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
            }
            StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
            if (frames != null && frames.length > 0) {
                line.append(" at ").append(frames[0].getSTEAsString());
            }
        }
        return line.toString();
    }

    private static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setName("fuzz-log-capture");
        capture.attach();
        return capture;
    }

    /** Attaches to the root logger if not attached (Spring Boot's logging set-up detaches every appender). */
    void attach() {
        attach((LoggerContext) LoggerFactory.getILoggerFactory(), this);
    }

    private static void attach(LoggerContext context, LogCapture capture) {
        capture.setContext(context);
        if (!capture.isStarted()) {
            capture.start();
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(capture.getName()) == null) {
            root.addAppender(capture);
        }
    }
}
