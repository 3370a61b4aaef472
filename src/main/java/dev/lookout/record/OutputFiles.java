package dev.lookout.record;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names for recordings and snapshots that sort by time and never replace an existing file: a name is claimed by
 * creating the file atomically ({@code CREATE_NEW}), and a taken name gets {@code -2}, {@code -3}, ... appended.
 */
public final class OutputFiles {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);
    private static final int MAX_ATTEMPTS = 10_000;

    private OutputFiles() {
    }

    /** {@code lookout-20261127-071512}: the default base name of a recording started at {@code time}. */
    public static String recordingBaseName(ZonedDateTime time) {
        return "lookout-" + SECONDS.format(time);
    }

    /** {@code lookout-20261127-071512-345}: the default base name of a snapshot taken at {@code time}. */
    public static String snapshotBaseName(ZonedDateTime time) {
        return "lookout-" + MILLIS.format(time);
    }

    /**
     * Atomically claims {@code folder/base + suffix} for every suffix (e.g. {@code ".png"}, {@code ".json"}),
     * trying {@code base}, {@code base-2}, {@code base-3}, ... until all of one candidate's files could be
     * created. The files are created empty; the caller fills them (or deletes them if it gives up).
     *
     * @return the claimed base path, without suffix
     * @throws IOException when the folder cannot be created or written, with a message that says so
     */
    public static Path claim(Path folder, String base, List<String> suffixes) throws IOException {
        if (suffixes.isEmpty()) {
            throw new IllegalArgumentException("no suffixes to claim");
        }
        createFolder(folder);
        for (int n = 1; n <= MAX_ATTEMPTS; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            List<Path> created = new ArrayList<>();
            try {
                for (String suffix : suffixes) {
                    Path file = folder.resolve(candidate + suffix);
                    Files.createFile(file);
                    created.add(file);
                }
                return folder.resolve(candidate);
            } catch (FileAlreadyExistsException taken) {
                for (Path file : created) {
                    Files.deleteIfExists(file);
                }
            } catch (AccessDeniedException e) {
                throw new IOException("cannot write in " + folder.toAbsolutePath() + ": permission denied", e);
            } catch (NoSuchFileException e) {
                throw new IOException("folder " + folder.toAbsolutePath() + " disappeared", e);
            }
        }
        throw new IOException("no free name for " + base + " in " + folder.toAbsolutePath());
    }

    /**
     * Claims a file named like {@code requested}: {@code requested} itself if it does not exist, else
     * {@code name-2.ext}, {@code name-3.ext}, ... so an existing file is never overwritten.
     */
    public static Path claimFile(Path requested) throws IOException {
        Path absolute = requested.toAbsolutePath();
        Path folder = absolute.getParent();
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return Path.of(claim(folder, base, List.of(extension)) + extension);
    }

    /** {@code file} with its extension replaced by {@code extension} (with the dot). */
    public static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + extension);
    }

    private static void createFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(folder.toAbsolutePath() + " exists and is not a folder", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot create the folder " + folder.toAbsolutePath() + ": permission denied", e);
        }
        if (!Files.isWritable(folder)) {
            throw new IOException("cannot write in " + folder.toAbsolutePath() + ": permission denied");
        }
    }
}
