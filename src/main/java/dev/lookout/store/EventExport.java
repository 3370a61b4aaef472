package dev.lookout.store;

import dev.lookout.record.ClipCutter;
import dev.lookout.record.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Copies an event's clip and snapshot out of the store into a folder. A clip is shared by the events in view
 * together, so an event with a known span gets just that span ({@link ClipCutter}: from its pre-roll to its
 * post-roll, named {@code <id>.mp4}); without one, the whole clip. Never overwrites: a name taken in the target
 * folder gets {@code -2}, {@code -3}, ... ({@link OutputFiles#claimFile}); the store's files are only read.
 *
 * <p>Every copy gets one mode, {@link #exportMode}: a copy would otherwise keep its source's mode, and the store's
 * files differ by accident of how they were written (a snapshot written through a temporary file is 0600, a clip
 * 0644), so one export held a private snapshot beside a readable clip.
 */
public final class EventExport {

    private final StoreReader reader;

    public EventExport(StoreReader reader) {
        this.reader = reader;
    }

    /**
     * Copies the files of event {@code id} into {@code folder} (created if needed).
     *
     * @return the copies, clip first
     * @throws StoreException when the store cannot be read, there is no such event, it has no files, or a file is
     *     gone; the message says which
     * @throws IOException when the folder cannot be written
     */
    public List<Path> export(String id, Path folder) throws StoreException, IOException {
        StoredEvent stored = reader.event(id).orElseThrow(() -> new StoreException(
                "no event '" + id + "' in " + reader.layout().root() + ": list them with 'lookout events'"));
        List<Path> sources = new ArrayList<>();
        for (Path file : new Path[] {stored.event().clip(), stored.event().snapshot()}) {
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new StoreException("the file " + file + " of event '" + id + "' is gone "
                            + "(deleted by retention or by hand)");
                }
                sources.add(file);
            }
        }
        if (sources.isEmpty()) {
            throw new StoreException("event '" + id + "' has no clip or snapshot to export");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder + " exists and is not a folder");
        }
        Files.createDirectories(folder);
        List<Path> copies = new ArrayList<>();
        for (Path source : sources) {
            boolean span = source.equals(stored.event().clip()) && stored.clipFrom() != null;
            Path target = OutputFiles.claimFile(folder.resolve(span ? id + ".mp4" : source.getFileName().toString()));
            // replaces only the empty placeholder just claimed for this copy
            if (span) {
                try {
                    ClipCutter.cut(source, target, stored.clipFrom(), stored.clipTo());
                } catch (IOException e) {
                    Files.deleteIfExists(target);
                    throw e;
                }
            } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(target, exportMode(reader.layout().root()));
            }
            copies.add(target);
        }
        return copies;
    }

    /**
     * The mode of exported files: {@code 0644}, the mode of any file a user writes, since an export is meant to be
     * handed on; but {@code 0600} when the storage folder lets nobody else in (no group or other permission), so
     * that exporting never shows what the owner had kept private.
     */
    static Set<PosixFilePermission> exportMode(Path storageRoot) throws IOException {
        boolean privateStore = false;
        if (Files.getFileStore(storageRoot).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> folder = Files.getPosixFilePermissions(storageRoot);
            privateStore = folder.stream().allMatch(p -> p.name().startsWith("OWNER_"));
        }
        return PosixFilePermissions.fromString(privateStore ? "rw-------" : "rw-r--r--");
    }
}
