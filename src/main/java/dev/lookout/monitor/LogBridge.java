package dev.lookout.monitor;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends what the libraries log through {@code System.Logger} (the web server, MQTT, webhooks, the detector; by
 * default java.util.logging's two-line records) to the {@link MonitorLog}, so that the monitor's stderr has one
 * format. Records below INFO are dropped, as java.util.logging's default does. Installed once by the command that
 * owns stderr ({@code monitor}); {@link #uninstall} gives the default back.
 */
public final class LogBridge extends Handler {

    private final MonitorLog log;
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogBridge(MonitorLog log) {
        this.log = log;
        setLevel(Level.INFO);
    }

    /** Replaces the root logger's handlers with one writing to {@code log}; returns it, for {@link #uninstall}. */
    public static LogBridge install(MonitorLog log) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        LogBridge bridge = new LogBridge(log);
        root.addHandler(bridge);
        return bridge;
    }

    /** Puts java.util.logging's own configuration back. */
    public void uninstall() {
        try {
            LogManager.getLogManager().readConfiguration();
        } catch (java.io.IOException e) {
            Logger.getLogger("").removeHandler(this); // at least stop writing to the monitor's log
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String message = formatter.formatMessage(record);
        if (record.getThrown() != null) {
            Throwable t = record.getThrown();
            message += ": " + (t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        int level = record.getLevel().intValue();
        log.message(level >= Level.SEVERE.intValue() ? MonitorLog.Level.ERROR
                : level >= Level.WARNING.intValue() ? MonitorLog.Level.WARN : MonitorLog.Level.INFO, null, message);
    }

    @Override
    public void flush() {
        // every line is printed whole as it comes
    }

    @Override
    public void close() {
        // stderr is not ours to close
    }
}
