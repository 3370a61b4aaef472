package dev.lookout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way Lookout replaces a file: write a hidden temporary file beside it, then move it over the target in
 * one step, so a reader (or a crash) sees the old file or the new one, never half of one.
 */
public final class AtomicFiles {

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content}. The new file is readable by its owner only (as the temporary
     * file was made) unless {@code readableByAll}.
     *
     * @throws IOException when the target is a device or a folder, the folder is missing or not writable, or the
     *     disk is full (the message names the target and the reason, never the temporary file); the target is
     *     unchanged
     */
    public static void replace(Path target, Content content, boolean readableByAll) throws IOException {
        Path absolute = target.toAbsolutePath();
        String unwritable = OutputPaths.unwritable("the output", target, OutputPaths.Kind.FILE);
        if (unwritable != null) {
            throw new IOException(unwritable); // moving a file over a device node would replace the device
        }
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            throw new IOException("cannot write " + target + ": its folder " + folder + " does not exist");
        }
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + Failures.reason(e), e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + Failures.reason(e), e);
            }
            if (readableByAll && Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
