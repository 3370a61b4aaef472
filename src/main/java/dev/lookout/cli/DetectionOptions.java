package dev.lookout.cli;

import dev.lookout.detect.ClassNames;
import dev.lookout.detect.DetectOptions;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * TF.js's two detection parameters and the class filter, shared by {@code detect} and {@code live}. Unset values
 * stay {@code null} so that each command supplies its own default (TF.js's, or the window's saved settings).
 */
final class DetectionOptions {

    @Option(names = "--min-score", paramLabel = "S", description = "keep detections scoring above S, as TF.js's "
            + "minScore (default 0.5). TF.js also uses it as the IoU threshold of its suppression, so a low value "
            + "suppresses overlapping boxes: with --min-score 0 only one box is left (give --iou to set it apart)")
    Double minScore;

    @Option(names = "--max-boxes", paramLabel = "N", description = "at most N detections per image, as TF.js's "
            + "maxNumBoxes (default 20)")
    Integer maxBoxes;

    @Option(names = "--classes", paramLabel = "A,B", description = "report only these classes, e.g. person,dog "
            + "(among TF.js's detections; any case)")
    String classes;

    /** The options over {@code defaults}, checked; a value out of range is a usage error. */
    DetectOptions resolve(DetectOptions defaults) throws UsageException {
        double score = minScore != null ? minScore : defaults.minScore();
        if (!(score >= 0 && score < 1)) {
            throw new UsageException("--min-score must be at least 0 and below 1, not " + minScore);
        }
        int boxes = maxBoxes != null ? maxBoxes : defaults.maxNumBoxes();
        if (boxes < 1) {
            throw new UsageException("--max-boxes must be 1 or more, not " + boxes);
        }
        Set<String> filter = defaults.classes();
        if (classes != null) {
            filter = ClassNames.parse(classes);
            if (filter.isEmpty()) {
                throw new UsageException("--classes needs class names, e.g. --classes person,dog");
            }
        }
        return new DetectOptions(boxes, score, defaults.iou(), filter, defaults.minArea());
    }
}
