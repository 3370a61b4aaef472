package dev.lookout.detect;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.lookout.capture.MatImages;
import dev.lookout.capture.OpenCv;
import dev.lookout.onnx.OrtNatives;
import dev.lookout.onnx.ResizeCut;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.opencv.core.Mat;

/**
 * Coco-SSD (SSDLite-MobileNetV2, COCO) on ONNX Runtime, answering like TF.js's {@code coco-ssd}
 * {@code detect(image, maxNumBoxes, minScore)} on the same pixels.
 *
 * <p>One detector serves one caller at a time ({@code detect} is synchronized); it reuses its input and output
 * buffers between calls, so a video loop allocates no large arrays. Close it to free the ONNX Runtime session.
 */
public final class CocoSsdDetector implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CocoSsdDetector.class.getName());
    private static final String SCORES = "scores";
    private static final String BOXES = "boxes";
    /**
     * {@code -Dlookout.hostResize=false} feeds ONNX Runtime the whole frame and lets the model resize it (for
     * measuring; by default the resize is done on the way into the input buffer, see {@link ResizeCut}).
     */
    private static final boolean HOST_RESIZE = !"false".equals(System.getProperty("lookout.hostResize"));

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String provider;
    private final Precision precision;
    private final Path modelFile;
    private final CocoLabels labels;
    private final String inputName;
    private final int boxCount;
    private final int classCount;
    private final Postprocessor postprocessor;
    private final ModelInput input;
    // Outputs ONNX Runtime writes into directly, reused every call (a model with dynamic output shapes is refused).
    private final FloatBuffer scoresOut;
    private final FloatBuffer boxesOut;
    private final Map<String, OnnxTensor> pinnedOutputs;
    private boolean closed;

    private CocoSsdDetector(OrtEnvironment env, OrtSession session, String provider, Precision precision,
            Path modelFile, CocoLabels labels, Optional<ResizeCut> cut) throws IOException, OrtException {
        this.env = env;
        this.session = session;
        this.provider = provider;
        this.precision = precision;
        this.modelFile = modelFile;
        this.labels = labels;
        this.postprocessor = new Postprocessor(labels);
        this.inputName = checkInput(session, cut);
        this.input = cut.<ModelInput>map(c -> new ResizedRgbInput(c.height(), c.width()))
                .orElseGet(RgbInputBuffer::new);
        long[] scoresShape = outputShape(session, SCORES);
        long[] boxesShape = outputShape(session, BOXES);
        int scoresRank = scoresShape.length;
        boxCount = scoresShape.length == 3 ? (int) scoresShape[1] : -1;
        classCount = scoresShape.length == 3 ? (int) scoresShape[2] : -1;
        if (scoresRank != 3 || boxCount <= 0 || classCount <= 0 || classCount > CocoLabels.MAX_ID
                || boxesShape[boxesShape.length - 1] != 4 || product(boxesShape) != 4L * boxCount) {
            throw new IOException("the model's outputs are not Coco-SSD's: scores " + Arrays.toString(scoresShape)
                    + ", boxes " + Arrays.toString(boxesShape) + " (expected [1,1917,90] and [1,1917,1,4])");
        }
        scoresOut = ByteBuffer.allocateDirect(boxCount * classCount * 4).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        boxesOut = ByteBuffer.allocateDirect(boxCount * 4 * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        OnnxTensor scoresTensor = OnnxTensor.createTensor(env, scoresOut, scoresShape);
        try {
            pinnedOutputs = Map.of(SCORES, scoresTensor, BOXES, OnnxTensor.createTensor(env, boxesOut, boxesShape));
        } catch (OrtException e) {
            scoresTensor.close();
            throw e;
        }
    }

    /**
     * Loads the model from the default folder {@code models/coco-ssd/} (under the working directory, else beside
     * the installation); when {@code AUTO} falls back to CPU, says why in one line on {@code System.err}.
     *
     * @throws IOException with a message naming the missing or broken file, or why the device cannot be used
     */
    public static CocoSsdDetector load(Device device) throws IOException {
        return load(ModelFiles.findDefault().dir(), device);
    }

    /**
     * Loads {@code modelDir/model.onnx} and {@code modelDir/labels.json}; when {@code AUTO} falls back to CPU, says
     * why in one line on {@code System.err} (use the three-argument {@code load} to send that line elsewhere).
     *
     * @throws IOException with a message naming the missing or broken file, or why the device cannot be used
     */
    public static CocoSsdDetector load(Path modelDir, Device device) throws IOException {
        // One plain line on stderr: the logging framework's default format would spread it over two.
        return load(modelDir, device, message -> System.err.println("lookout: " + message));
    }

    /**
     * Loads a model folder on {@code device}, telling {@code notices} in one line why {@code AUTO} runs on CPU.
     *
     * @throws IOException with a message naming the missing or broken file, or why the device cannot be used
     */
    public static CocoSsdDetector load(Path modelDir, Device device, Consumer<String> notices) throws IOException {
        return load(modelDir, device, notices, Precision.FP32);
    }

    /**
     * Loads a model folder's {@code precision} model ({@code model.onnx} or {@code model-int8.onnx}) on
     * {@code device}, telling {@code notices} in one line why {@code AUTO} runs on CPU.
     *
     * @throws IOException with a message naming the missing or broken file, or why the device cannot be used
     */
    public static CocoSsdDetector load(Path modelDir, Device device, Consumer<String> notices, Precision precision)
            throws IOException {
        return load(modelDir, device, notices, precision, HOST_RESIZE);
    }

    /** As {@link #load(Path, Device, Consumer)}, choosing whether the frame is resized before the model (tests). */
    static CocoSsdDetector load(Path modelDir, Device device, Consumer<String> notices, boolean hostResize)
            throws IOException {
        return load(modelDir, device, notices, Precision.FP32, hostResize);
    }

    /** As {@link #load(Path, Device, Consumer, Precision)}, choosing whether frames are resized first (tests). */
    static CocoSsdDetector load(Path modelDir, Device device, Consumer<String> notices, Precision precision,
            boolean hostResize) throws IOException {
        ModelFiles files = ModelFiles.in(modelDir);
        CocoLabels labels = CocoLabels.read(files.labels());
        List<Integer> unnamed = labels.missingCocoIds();
        if (!unnamed.isEmpty()) {
            notices.accept("labels file " + files.labels() + " names " + (CocoLabels.COCO_CLASSES - unnamed.size())
                    + " of Coco-SSD's " + CocoLabels.COCO_CLASSES + " classes: detections of class id"
                    + (unnamed.size() > 1 ? "s " : " ") + unnamed.stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", "))
                    + " will not be reported (the shipped models/coco-ssd/labels.json names all "
                    + CocoLabels.COCO_CLASSES + ")");
        }
        Path modelFile = files.model(precision);
        byte[] whole = Files.readAllBytes(modelFile);
        // The model's first steps (transpose, cast, resize of the full frame) are done faster on the way into the
        // input buffer: run the graph from the resized image on (same numbers, see ResizeCut).
        Optional<ResizeCut> cut = hostResize ? ResizeCut.of(whole) : Optional.empty();
        byte[] model = cut.map(ResizeCut::model).orElse(whole);
        OrtEnvironment env = OrtNatives.environment();
        OrtSession session = null;
        String provider;
        Optional<String> driver = device == Device.CPU ? Optional.empty() : NvidiaDriver.evidence();
        if (device == Device.CUDA) {
            if (driver.isEmpty()) {
                throw new IOException("device cuda: no NVIDIA driver found (" + NvidiaDriver.placesLooked()
                        + "); use --device cpu, or auto to take CUDA only when it is there");
            }
            try {
                session = SessionFactory.cuda(env, model);
            } catch (OrtException | RuntimeException | LinkageError e) {
                throw new IOException("device cuda: ONNX Runtime could not start CUDA (" + oneLine(e)
                        + "); check the NVIDIA driver, CUDA 12 and cuDNN 9 libraries, or use --device cpu", e);
            }
            provider = "CUDA";
        } else {
            if (device == Device.AUTO) {
                if (driver.isPresent()) {
                    try {
                        session = SessionFactory.cuda(env, model);
                    } catch (OrtException | RuntimeException | LinkageError e) {
                        notices.accept("CUDA could not start (" + oneLine(e) + "): running on CPU");
                    }
                } else {
                    notices.accept("no NVIDIA driver found (" + NvidiaDriver.placesLooked() + "): running on CPU");
                }
            }
            provider = session != null ? "CUDA" : "CPU";
            if (session == null) {
                try {
                    session = SessionFactory.cpu(env, model);
                } catch (OrtException | RuntimeException e) {
                    throw new IOException("model file " + modelFile + " is not a usable ONNX model ("
                            + oneLine(e) + "); re-create it with 'lookout convert'", e);
                }
            }
        }
        try {
            return new CocoSsdDetector(env, session, provider, precision, modelFile, labels, cut);
        } catch (OrtException | IOException | RuntimeException e) {
            closeQuietly(session);
            String why = e instanceof IOException ? e.getMessage() : oneLine(e);
            throw new IOException("model file " + modelFile + " cannot be used: " + why
                    + "; re-create it with 'lookout convert'", e);
        }
    }

    /**
     * Detects objects in a BGR (or BGRA, or grey) 8-bit image, like TF.js's {@code detect} on its RGB pixels.
     *
     * @throws IllegalArgumentException for an empty image or an unsupported pixel type
     * @throws DetectionFailedException when ONNX Runtime fails
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized DetectionResult detect(Mat bgr, DetectOptions options) {
        if (closed) {
            throw new IllegalStateException("the detector is closed");
        }
        long start = System.nanoTime();
        int width = bgr.cols();
        int height = bgr.rows();
        OnnxTensor tensor;
        try {
            tensor = input.tensor(env, bgr);
        } catch (OrtException e) {
            throw new DetectionFailedException("ONNX Runtime could not take a " + width + "×" + height + " image: "
                    + oneLine(e), e);
        }
        long preprocessed = System.nanoTime();
        try (tensor; OrtSession.Result ignored = session.run(Map.of(inputName, tensor), pinnedOutputs)) {
            long inferred = System.nanoTime();
            List<Detection> detections = postprocessor.process(scoresOut, boxesOut, boxCount, classCount, width,
                    height, options);
            long done = System.nanoTime();
            return new DetectionResult(detections, width, height,
                    new Timings(preprocessed - start, inferred - preprocessed, done - inferred));
        } catch (OrtException e) {
            throw new DetectionFailedException("ONNX Runtime failed on a " + width + "×" + height + " image ("
                    + provider + "): " + oneLine(e), e);
        }
    }

    /** Detects objects in any {@code BufferedImage} (converted to BGR first). */
    public DetectionResult detect(BufferedImage image, DetectOptions options) {
        Mat bgr = MatImages.toMat(image);
        try {
            return detect(bgr, options);
        } finally {
            OpenCv.release(bgr);
        }
    }

    /**
     * Reads an image file with OpenCV and detects objects in it.
     *
     * @throws IOException when the file is missing, not an image, or a truncated JPEG
     */
    public DetectionResult detect(Path imageFile, DetectOptions options) throws IOException {
        Mat bgr = ImageFiles.read(imageFile);
        try {
            return detect(bgr, options);
        } finally {
            OpenCv.release(bgr);
        }
    }

    /** The execution provider in use: {@code "CPU"} or {@code "CUDA"}. */
    public String provider() {
        return provider;
    }

    /** The model's precision: which of the folder's models runs. */
    public Precision precision() {
        return precision;
    }

    /** The model file that runs. */
    public Path modelFile() {
        return modelFile;
    }

    /** The 80 COCO class names in id order. */
    public List<String> classNames() {
        return labels.names();
    }

    /** True when frames are resized on the way into the model ({@link ResizeCut}), false when the model does it. */
    boolean resizesFrames() {
        return input instanceof ResizedRgbInput;
    }

    /** Bytes in the reused input buffer, for tests: it grows only when a frame is larger than any before. */
    synchronized int inputCapacity() {
        return input.capacity();
    }

    /** Frees the ONNX Runtime session and buffers; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pinnedOutputs.values().forEach(OnnxTensor::close);
        closeQuietly(session);
        input.close();
    }

    private static String checkInput(OrtSession session, Optional<ResizeCut> cut) throws OrtException, IOException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw new IOException("expected one input (image_tensor), found " + inputs.keySet());
        }
        Map.Entry<String, NodeInfo> in = inputs.entrySet().iterator().next();
        if (cut.isPresent()) {
            // Made by ResizeCut itself, so a mismatch here is Lookout's bug, not the user's file.
            if (!(in.getValue().getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT
                    || !Arrays.equals(info.getShape(), new long[] {1, 3, cut.get().height(), cut.get().width()})) {
                throw new IllegalStateException("the cut model's input is " + in.getValue().getInfo());
            }
            return in.getKey();
        }
        if (!(in.getValue().getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.UINT8
                || info.getShape().length != 4 || info.getShape()[3] != 3) {
            throw new IOException("input " + in.getKey() + " is " + in.getValue().getInfo()
                    + ", expected uint8 [1,H,W,3]");
        }
        return in.getKey();
    }

    private static long[] outputShape(OrtSession session, String name) throws OrtException, IOException {
        NodeInfo node = session.getOutputInfo().get(name);
        if (node == null) {
            throw new IOException("no output named '" + name + "' (outputs: " + session.getOutputNames() + ")");
        }
        if (!(node.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT) {
            throw new IOException("output " + name + " is " + node.getInfo() + ", expected a float tensor");
        }
        long[] shape = info.getShape();
        for (long d : shape) {
            if (d <= 0) {
                throw new IOException("output " + name + " has a dynamic shape " + Arrays.toString(shape)
                        + "; expected fixed sizes like [1,1917,90]");
            }
        }
        return shape;
    }

    private static long product(long[] shape) {
        long p = 1;
        for (long d : shape) {
            p *= d;
        }
        return p;
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.log(Level.WARNING, "closing the ONNX Runtime session failed: " + oneLine(e));
            }
        }
    }

    /** The first line of an exception's message (ONNX Runtime's can span many), or its type. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String first = message.strip().lines().findFirst().orElse(message);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
