package dev.lookout.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coco-SSD's class names: COCO id → name, read from {@code labels.json} ({@code {"1":"person",...}}).
 *
 * <p>The model scores 90 ids but COCO names only 80 of them: ids 12, 26, 29, 30, 45, 66, 68, 69, 71 and 83 were
 * never annotated. TF.js's coco-ssd looks the name up as {@code CLASSES[id].displayName} and would throw on such a
 * box; Lookout instead never reports it (see {@link Postprocessor}). {@link #name(int)} returns {@code null} for them.
 */
public final class CocoLabels {

    /** The highest id the model scores (its 90 score columns are ids 1..90). */
    public static final int MAX_ID = 90;
    /** How many of those ids COCO names. */
    public static final int COCO_CLASSES = 80;
    /** The ids COCO never annotated, which Coco-SSD therefore never reports. */
    private static final Set<Integer> UNANNOTATED = Set.of(12, 26, 29, 30, 45, 66, 68, 69, 71, 83);

    /**
     * Coco-SSD's 80 class names in COCO id order (as in {@code models/coco-ssd/labels.json}), for what needs them
     * without a model at hand (checking {@code lookout events --class}).
     */
    public static final List<String> COCO_NAMES = List.of(
            "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
            "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
            "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee",
            "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard",
            "tennis racket", "bottle", "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple",
            "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch",
            "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard",
            "cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "book", "clock", "vase", "scissors",
            "teddy bear", "hair drier", "toothbrush");

    private final String[] namesById;
    private final List<String> names;

    private CocoLabels(String[] namesById) {
        this.namesById = namesById;
        List<String> ordered = new ArrayList<>();
        for (String name : namesById) {
            if (name != null) {
                ordered.add(name);
            }
        }
        this.names = Collections.unmodifiableList(ordered);
    }

    /**
     * Reads a {@code labels.json} file.
     *
     * @throws IOException naming the file when it is missing, unreadable or not an id → name object
     */
    public static CocoLabels read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IOException("labels file " + file + " does not exist: " + ModelFiles.HOW_TO_MAKE_LABELS, e);
        } catch (IOException e) {
            throw new IOException("cannot read labels file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> raw;
        try {
            raw = new ObjectMapper().readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IOException("labels file " + file + " is not a JSON object of id → name like "
                    + "{\"1\":\"person\",...}: " + e.getOriginalMessage(), e);
        }
        if (raw == null) {
            throw new IOException("labels file " + file + " is empty (JSON null)");
        }
        try {
            return of(raw);
        } catch (IllegalArgumentException e) {
            throw new IOException("labels file " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the labels from an id → name map, e.g. {@code {"1":"person"}}.
     *
     * @throws IllegalArgumentException when an id is not a whole number in 1..90, a name is blank or repeated
     */
    public static CocoLabels of(Map<String, String> idToName) {
        if (idToName.isEmpty()) {
            throw new IllegalArgumentException("no class names");
        }
        String[] byId = new String[MAX_ID + 1];
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> e : idToName.entrySet()) {
            int id;
            try {
                id = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("key '" + e.getKey() + "' is not a class id");
            }
            if (id < 1 || id > MAX_ID) {
                throw new IllegalArgumentException("class id " + id + " is outside 1.." + MAX_ID);
            }
            String name = e.getValue();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("class id " + id + " has no name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("class name '" + name + "' appears twice");
            }
            byId[id] = name;
        }
        return new CocoLabels(byId);
    }

    /** COCO's named ids (1..90 but the 10 never annotated) that these labels lack, in order; empty when complete. */
    public List<Integer> missingCocoIds() {
        List<Integer> missing = new ArrayList<>();
        for (int id = 1; id <= MAX_ID; id++) {
            if (!UNANNOTATED.contains(id) && namesById[id] == null) {
                missing.add(id);
            }
        }
        return missing;
    }

    /** The name of COCO id {@code id}, or {@code null} when the id is unnamed or out of range. */
    public String name(int id) {
        return id >= 1 && id < namesById.length ? namesById[id] : null;
    }

    /** The named classes in id order (80 for COCO). */
    public List<String> names() {
        return names;
    }

    /** True when {@code name} is one of the class names. */
    public boolean contains(String name) {
        return names.contains(name);
    }
}
