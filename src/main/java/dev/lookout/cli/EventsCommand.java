package dev.lookout.cli;

import dev.lookout.config.ConfigException;
import dev.lookout.config.ConfigFile;
import dev.lookout.store.EventExport;
import dev.lookout.store.EventListing;
import dev.lookout.store.EventQuery;
import dev.lookout.store.EventStore;
import dev.lookout.store.RecordingKind;
import dev.lookout.store.RetentionPolicy;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreException;
import dev.lookout.store.StoreOptions;
import dev.lookout.store.StoreNames;
import dev.lookout.store.StoreReader;
import dev.lookout.store.StoredEvent;
import dev.lookout.store.TimeSpans;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lookout events}: lists the events of a storage folder's store, exports one event's files, or applies
 * retention once. Thin: the store package does the work.
 */
@Command(name = "events", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = "List the stored events (newest first), export one event's clip and snapshot, or prune.")
final class EventsCommand extends CliCommand {

    @Option(names = "--storage", paramLabel = "DIR", description = "the storage folder (holds lookout.db)")
    Path storage;

    @Option(names = "--config", paramLabel = "FILE", description = "take the storage folder from lookout.yml")
    Path config;

    @Option(names = "--camera", paramLabel = "NAME", description = "only this camera's events")
    String camera;

    @Option(names = "--class", paramLabel = "CLASS", description = "only events of this class, e.g. person")
    String className;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "only events that started since: 90s, 30m, 2h, 7d, or 2026-12-01T10:00:00Z")
    String since;

    @Option(names = "--until", paramLabel = "WHEN",
            description = "only events that started before: 90s, 30m, 2h, 7d (that long ago), or an ISO time")
    String until;

    @Option(names = "--zone", paramLabel = "NAME", description = "only events in this zone (at some time)")
    String zone;

    @Option(names = "--line", paramLabel = "NAME", description = "only events that crossed this line: NAME (either way), NAME:in or NAME:out")
    String line;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most N events (${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "one JSON object per line: id, camera, class, start, end, snapshot, clip...")
    boolean json;

    @Option(names = "--export", arity = "2", paramLabel = "ID DIR", hideParamSyntax = true,
            description = "copy event ID's clip and snapshot into DIR (never overwrites)")
    List<String> export;

    @Option(names = "--prune", description = "apply retention once with the limits below (needs the store free)")
    boolean prune;

    @Option(names = "--max-size", paramLabel = "SIZE", description = "with --prune: cap the folder, e.g. 20G")
    String maxSize;

    @Option(names = "--min-free", paramLabel = "SIZE", description = "with --prune: free space to keep, e.g. 5G")
    String minFree;

    @Option(names = "--max-age", paramLabel = "KIND=SPAN", split = ",",
            description = "with --prune: e.g. continuous=7d,clip=30d,snapshot=30d")
    Map<String, String> maxAge;

    /** The folder of {@code --export ID DIR}, for {@link CommandPaths}. */
    @Override
    List<CommandPaths.Named> outputs() {
        return export == null ? List.of() : List.of(new CommandPaths.Named("--export", Path.of(export.get(1)),
                dev.lookout.OutputPaths.Kind.FOLDER, true));
    }

    @Override
    int run() throws Exception {
        Path folder = storageFolder();
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        try {
            if (prune) {
                return prune(folder);
            }
            StoreReader reader = new StoreReader(new StorageLayout(folder));
            if (export != null) {
                for (Path copy : new EventExport(reader).export(export.get(0), Path.of(export.get(1)))) {
                    out.println(copy);
                }
                return 0;
            }
            EventQuery query = query();
            List<StoredEvent> events = reader.events(query);
            EventListing listing = new EventListing(ZoneId.systemDefault());
            if (events.isEmpty()) {
                explainNothing(reader, query);
            }
            if (json) {
                listing.printJson(events, out);
            } else {
                listing.printTable(events, out);
            }
            return 0;
        } catch (StoreException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
    }

    private EventQuery query() throws UsageException {
        Instant now = Instant.now();
        EventQuery query = EventQuery.NEWEST.camera(camera).className(className).zone(zone).line(line).limit(limit);
        if (since != null) {
            query = query.since(parse(() -> TimeSpans.parseSince(since, now), "--since"));
        }
        if (until != null) {
            query = query.until(parse(() -> TimeSpans.parseSince(until, now), "--until"));
        }
        if (query.since() != null && query.until() != null && !query.until().isAfter(query.since())) {
            throw new UsageException("--until " + until + " (" + query.until() + ") is not after --since " + since
                    + " (" + query.since() + "): nothing can match");
        }
        return query;
    }

    /**
     * Nothing matched: a class no model knows is a usage error; a camera, zone, line or class the store's events do
     * not use gets a note on stderr naming what they do use ({@link EventFilterNotes}).
     */
    private void explainNothing(StoreReader reader, EventQuery query) throws StoreException, UsageException {
        if (query.camera() == null && query.className() == null && query.zone() == null && query.line() == null) {
            return;
        }
        StoreNames names = reader.names();
        UsageException unknown = EventFilterNotes.unknownClass(query.className(), names);
        if (unknown != null) {
            throw unknown;
        }
        for (String note : EventFilterNotes.notes(query, names)) {
            err.println("lookout events: " + note);
        }
    }

    private Path storageFolder() throws UsageException {
        return StorageFolders.of(storage, config);
    }

    private int prune(Path folder) throws Exception {
        // holding the store's lock means no Lookout is writing here: files need not settle before they may go
        RetentionPolicy policy = RetentionPolicy.KEEP_ALL.settle(Duration.ZERO);
        if (maxSize != null) {
            policy = policy.maxTotalBytes(parse(() -> TimeSpans.parseSize(maxSize), "--max-size"));
        }
        if (minFree != null) {
            policy = policy.minFreeBytes(parse(() -> TimeSpans.parseSize(minFree), "--min-free"));
        }
        if (maxAge != null) {
            for (Map.Entry<String, String> age : maxAge.entrySet()) {
                RecordingKind kind = parse(() -> RecordingKind.ofWireName(age.getKey().strip()), "--max-age kind");
                policy = policy.maxAge(kind, parse(() -> TimeSpans.parseSpan(age.getValue()), "--max-age"));
            }
        }
        try (EventStore store = EventStore.open(StoreOptions.defaults(folder).retention(policy)
                .warnings(w -> err.println("lookout events: " + w)))) {
            out.println(store.prune().summary());
        }
        return 0;
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> parse, String option) throws UsageException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
