package dev.lookout.web;

import dev.lookout.monitor.CameraFeed;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.monitor.MonitorView;
import dev.lookout.notify.CameraCounts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A monitor for the web tests: cameras whose frames the test pushes (real JPEGs), with fixed statistics. */
final class FakeMonitor implements MonitorView {

    private final String node;
    private final List<CameraFeed> cameras;

    FakeMonitor(String node, FakeFeed... cameras) {
        this.node = node;
        this.cameras = List.of(cameras);
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public List<CameraFeed> cameras() {
        return cameras;
    }

    /** One camera; {@link #push} delivers a frame as the camera's thread would. */
    static final class FakeFeed implements CameraFeed {
        private final String name;
        private final CameraStatus status;
        private final CameraCounts counts;
        private final List<Consumer<byte[]>> listeners = new CopyOnWriteArrayList<>();
        private volatile byte[] latest;

        FakeFeed(String name, CameraStatus status, CameraCounts counts) {
            this.name = name;
            this.status = status;
            this.counts = counts;
        }

        void push(byte[] jpeg) {
            latest = jpeg;
            listeners.forEach(l -> l.accept(jpeg));
        }

        int listeners() {
            return listeners.size();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CameraStatus status() {
            return status;
        }

        @Override
        public Optional<byte[]> latestJpeg() {
            return Optional.ofNullable(latest);
        }

        @Override
        public AutoCloseable onFrame(Consumer<byte[]> jpegListener) {
            listeners.add(jpegListener);
            return () -> listeners.remove(jpegListener);
        }

        @Override
        public CameraCounts counts() {
            return counts;
        }
    }
}
