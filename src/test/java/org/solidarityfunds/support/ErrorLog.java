package org.solidarityfunds.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The ERROR lines the service logs while a test runs (the service runs in the tests' JVM):
 * a refused request must leave none, since only the service's own failures are errors.
 */
public final class ErrorLog implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                lines.add(record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")"));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private ErrorLog() {
        root.addHandler(capture);
    }

    /** Starts listening; close it to stop. */
    public static ErrorLog listen() {
        return new ErrorLog();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root.removeHandler(capture);
    }
}
