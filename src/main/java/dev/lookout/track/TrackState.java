package dev.lookout.track;

import dev.lookout.detect.Detection;

/** One track inside {@link ByteTracker}: its motion filter, its status and what stationarity needs. */
final class TrackState {

    enum Status { TRACKED, LOST, REMOVED }

    final String className;
    final MotionFilter filter;
    final double firstSeen;
    final Detection firstDetection;
    Status status = Status.TRACKED;
    /** 0 until confirmed. */
    long id;
    double lastSeen;
    double lastPredicted;
    Detection detection;
    int detectionIndex;
    private double anchorX;
    private double anchorY;
    private double anchorTime;
    boolean stationary;

    TrackState(Detection d, int index, double time) {
        className = d.className();
        filter = new MotionFilter(d.x(), d.y(), d.width(), d.height());
        firstSeen = time;
        firstDetection = d;
        lastSeen = time;
        lastPredicted = time;
        detection = d;
        detectionIndex = index;
        anchorX = filter.centreX();
        anchorY = filter.centreY();
        anchorTime = time;
    }

    boolean confirmed() {
        return id != 0;
    }

    /** Predicts the box at {@code time}. */
    void predictTo(double time) {
        if (status != Status.TRACKED) {
            filter.holdHeight(); // as ByteTrack: a box not seen does not keep growing or shrinking
        }
        filter.predict(time - lastPredicted);
        lastPredicted = time;
    }

    void take(Detection d, int index, double time, TrackerConfig config) {
        filter.update(d.x(), d.y(), d.width(), d.height());
        detection = d;
        detectionIndex = index;
        lastSeen = time;
        status = Status.TRACKED;
        double tolerance = config.stationaryMotion() * filter.height();
        if (Math.hypot(filter.centreX() - anchorX, filter.centreY() - anchorY) > tolerance) {
            anchorX = filter.centreX();
            anchorY = filter.centreY();
            anchorTime = time;
        }
        stationary = time - anchorTime >= config.stationarySeconds();
    }

    double left() {
        return filter.left();
    }

    double top() {
        return filter.top();
    }

    double right() {
        return filter.left() + filter.width();
    }

    double bottom() {
        return filter.top() + filter.height();
    }

    Track report() {
        return new Track(id, detection, detectionIndex, stationary, firstSeen, firstDetection);
    }
}
