package dev.lookout.cli;

import dev.lookout.store.CountSeries;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreException;
import dev.lookout.store.StoreReader;
import dev.lookout.store.StoredCount;
import dev.lookout.store.TimeSpans;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lookout counts}: the stored line crossings and zone entries of a storage folder, per minute, hour or day
 * (or in total), as a table or CSV. Thin: the store package does the work; no model or video library is loaded.
 */
@Command(name = "counts", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = "Show the stored line crossings and zone entries over time, per hour or day, or as CSV.")
final class CountsCommand extends CliCommand {

    @Option(names = "--storage", paramLabel = "DIR", description = "the storage folder (holds lookout.db)")
    Path storage;

    @Option(names = "--config", paramLabel = "FILE", description = "take the storage folder from lookout.yml")
    Path config;

    @Option(names = "--camera", paramLabel = "NAME", description = "only this camera (default: all)")
    String camera;

    @Option(names = {"--from", "--since"}, paramLabel = "WHEN", defaultValue = "1d",
            description = "from: 90s, 30m, 2h, 7d ago, or an ISO time (default ${DEFAULT-VALUE})")
    String from;

    @Option(names = {"--to", "--until"}, paramLabel = "WHEN",
            description = "to (not included): 90s, 30m, 2h, 7d ago, or an ISO time (default: now)")
    String to;

    @Option(names = "--by", paramLabel = "BUCKET", defaultValue = "hour",
            description = "minute, hour, day or total (default ${DEFAULT-VALUE}); in this machine's time zone")
    String by;

    @Option(names = "--csv", description = "CSV: start (ISO instant), camera, kind, name, direction, class, count")
    boolean csv;

    @Override
    int run() throws Exception {
        Path folder = StorageFolders.of(storage, config);
        CountSeries.Bucket bucket;
        try {
            bucket = CountSeries.Bucket.of(by);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--by: " + e.getMessage());
        }
        Instant now = Instant.now();
        Instant start = when(from, "--from", now);
        Instant end = to == null ? now : when(to, "--to", now);
        if (!end.isAfter(start)) {
            throw new UsageException("--to " + end + " is not after --from " + start + ": nothing can match");
        }
        try {
            StoreReader reader = new StoreReader(new StorageLayout(folder));
            List<StoredCount> rows = CountSeries.sum(reader.countMinutes(camera, start, end), bucket,
                    ZoneId.systemDefault());
            if (rows.isEmpty() && camera != null && reader.countTotals(camera).isEmpty()) {
                err.println("lookout counts: camera '" + camera + "' has no counts in this store (cameras with "
                        + "events: " + String.join(", ", reader.names().cameras()) + ")");
            }
            if (csv) {
                CountSeries.printCsv(rows, bucket, out);
            } else {
                CountSeries.printTable(rows, bucket, ZoneId.systemDefault(), out);
            }
            return 0;
        } catch (StoreException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
    }

    private static Instant when(String text, String option, Instant now) throws UsageException {
        try {
            return TimeSpans.parseSince(text, now);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
