package dev.lookout.record;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM that records vtest.avi at its real pace (10 fps) until it is killed, for the crash tests:
 * {@code RecordingChild VIDEO OUT.mp4}. It prints {@code written N} as frames reach the encoder.
 */
public final class RecordingChild {

    private RecordingChild() {
    }

    /** Records {@code args[0]} into {@code args[1]}, pacing frames like a live camera. */
    public static void main(String[] args) throws Exception {
        Path video = Path.of(args[0]);
        Path out = Path.of(args[1]);
        AnnotatedRecorder recorder = AnnotatedRecorder.toFile(out).frameRate(10).live(true)
                .listener(new RecorderListener() {
                    @Override
                    public void recordingFinished(AnnotatedRecorder r, RecordingSummary summary) {
                        System.out.println("finished " + summary.framesWritten());
                        System.out.flush();
                    }
                }).start();
        System.out.println("recording " + recorder.path());
        Detection person = new Detection(120, 150, 200, 300, "person", 0.91);
        try (TestVideo source = TestVideo.open(video)) {
            long start = System.nanoTime();
            while (true) {
                long index;
                try (Frame frame = source.next()) {
                    if (frame == null) {
                        break;
                    }
                    index = frame.index();
                    recorder.offer(frame, List.of(person));
                }
                System.out.println("written " + recorder.framesWritten());
                System.out.flush();
                long due = start + (index + 1) * 100_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        recorder.close();
    }
}
