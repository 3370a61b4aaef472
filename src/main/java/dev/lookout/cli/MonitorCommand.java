package dev.lookout.cli;

import dev.lookout.capture.SourceOptions;
import dev.lookout.config.ConfigException;
import dev.lookout.config.ConfigFile;
import dev.lookout.config.ConfigProblem;
import dev.lookout.config.HttpConfig;
import dev.lookout.config.LookoutConfig;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.ModelFiles;
import dev.lookout.monitor.Monitor;
import dev.lookout.monitor.LogBridge;
import dev.lookout.monitor.MonitorLog;
import dev.lookout.store.StoreException;
import dev.lookout.web.HttpBind;
import dev.lookout.web.WebServer;
import dev.lookout.web.WebServerException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lookout monitor --config lookout.yml}: the headless monitor ({@link Monitor}) until SIGTERM/SIGINT or
 * {@code --duration}; both stop it cleanly (clips finalized, store closed). A bad file exits 2 with every problem.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = "Watch every camera of lookout.yml without a window: events to the store, clips, snapshots, "
                + "MQTT and webhooks; runs until SIGTERM/SIGINT (or --duration). Logs on stderr.")
final class MonitorCommand extends CliCommand {

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "the configuration, e.g. lookout.yml")
    Path config;

    @Option(names = "--log-format", paramLabel = "F", defaultValue = "text", description = "text (default: "
            + "'lookout monitor: LEVEL camera: message') or json (one object per line, for log collectors)")
    String logFormat;

    @Option(names = "--json-log", hidden = true, description = "the same as --log-format json")
    boolean jsonLog;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop by itself after this many seconds")
    Double duration;

    @Option(names = "--health", paramLabel = "SECONDS", defaultValue = "30",
            description = "log each camera's health every SECONDS (${DEFAULT-VALUE}; 0: never)")
    double healthSeconds;

    @Option(names = "--segment", paramLabel = "SECONDS", defaultValue = "60",
            description = "the length of each file of a 'record: continuous' camera (${DEFAULT-VALUE})")
    double segmentSeconds;

    @Option(names = "--http", paramLabel = "[ADDRESS:]PORT",
            description = "serve the web page and API (default address 127.0.0.1; another needs http: password:)")
    String http;

    @Option(names = "--model", paramLabel = "DIR", description = "the model folder (default models/coco-ssd)")
    Path modelDir;

    @Override
    int run() throws Exception {
        if (duration != null && !(duration > 0)) {
            throw new UsageException("--duration must be more than 0 seconds, not " + duration);
        }
        if (!(healthSeconds >= 0)) {
            throw new UsageException("--health must be 0 (never) or more seconds, not " + healthSeconds);
        }
        if (!(segmentSeconds >= 1 && segmentSeconds <= 86_400)) {
            throw new UsageException("--segment must be from 1 to 86400 seconds, not " + segmentSeconds);
        }
        LookoutConfig loaded;
        try {
            loaded = ConfigFile.load(config);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            return CheckConfigCommand.EXIT_BAD_CONFIG;
        } catch (IOException e) {
            problem(e.getMessage());
            return CheckConfigCommand.EXIT_BAD_CONFIG;
        }
        HttpConfig web;
        try {
            web = http != null ? HttpBind.parse(http, loaded.http().orElse(HttpConfig.DEFAULTS)) : loaded.http().orElse(null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new UsageException("--log-format must be text or json, not " + logFormat);
        }
        MonitorLog log = new MonitorLog(err, jsonLog || logFormat.equals("json"));
        LogBridge bridge = LogBridge.install(log);
        try {
            return monitor(loaded, web, log);
        } finally {
            bridge.uninstall();
        }
    }

    private int monitor(LookoutConfig loaded, HttpConfig web, MonitorLog log) throws Exception {
        CocoSsdDetector detector;
        try {
            detector = CocoSsdDetector.load(modelDir != null ? modelDir : ModelFiles.findDefault().dir(),
                    loaded.device(), log::info, loaded.precision());
        } catch (IOException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
        try (detector) {
            log.info("detecting on " + detector.provider() + " with the " + detector.precision().label() + " model");
            Monitor monitor;
            try {
                monitor = Monitor.start(loaded, config, detector, log,
                        Duration.ofMillis(Math.round(healthSeconds * 1000)), SourceOptions.defaults(),
                        Duration.ofMillis(Math.round(segmentSeconds * 1000)));
            } catch (StoreException e) {
                problem(e.getMessage());
                return Main.EXIT_FAILED;
            }
            WebServer server = null;
            if (web != null) {
                try {
                    server = WebServer.start(monitor, monitor.store().reader(), web); // it announces itself
                } catch (WebServerException e) {
                    problem(e.getMessage());
                    monitor.close();
                    return Main.EXIT_FAILED;
                }
            }
            WebServer page = server;
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                log.info("stopping (signal)");
                if (page != null) {
                    page.close();
                }
                monitor.close();
                stopped.countDown();
            }, "lookout-monitor-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            if (duration != null) {
                stopped.await(Math.round(duration * 1000), TimeUnit.MILLISECONDS);
            } else {
                stopped.await();
            }
            if (page != null) {
                page.close();
            }
            monitor.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook has closed the monitor
            }
        }
        return 0;
    }
}
