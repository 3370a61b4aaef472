package dev.lookout.cli;

import dev.lookout.config.ConfigException;
import dev.lookout.config.ConfigFile;
import java.io.IOException;
import java.nio.file.Path;

/** Which storage folder a store command reads: {@code --storage DIR}, or {@code --config FILE}'s {@code storage:}. */
final class StorageFolders {

    private StorageFolders() {
    }

    /**
     * {@code storage}, else the {@code storage:} of the {@code config} file (relative to the file's folder); a file
     * that cannot be used is a usage error naming its first problem.
     */
    static Path of(Path storage, Path config) throws UsageException {
        if (storage != null && config != null) {
            throw new UsageException("give --storage or --config, not both");
        }
        if (config != null) {
            try {
                return ConfigFile.load(config).storageIn(config);
            } catch (ConfigException e) {
                throw new UsageException(config + " has problems (run 'lookout check-config " + config + "'): "
                        + e.problems().get(0));
            } catch (IOException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (storage == null) {
            throw new UsageException("which store? give --storage DIR (or --config FILE)");
        }
        return storage;
    }
}
