/**
 * The headless monitor ({@code lookout monitor --config lookout.yml}): many cameras watched by one detector.
 *
 * <p>{@link dev.lookout.monitor.Monitor} builds everything from a {@code LookoutConfig}. Each camera
 * ({@code MonitoredCamera}) reads its source on its own thread, retrying with backoff, and passes frames that moved
 * ({@code MotionGate}) or that may show tracked objects to a one-frame {@code FrameSlot}. One
 * {@code DetectionScheduler} thread serves the cameras round robin with the one model session, within each camera's
 * rate cap; frames that wait are replaced and counted, never queued. Detections pass the camera's
 * {@code filters:} ({@code ObjectFilter}) and go to its {@code CameraTracking} (ByteTrack, lines, zones, object events), events to the store, the log, MQTT and webhooks
 * ({@code SinkFanout}; each sink has its own bounded queue), and {@code EventClips} writes clips and snapshots into
 * the storage layout. Readers (the HTTP API, the web page, a camera wall) use {@link dev.lookout.monitor.MonitorView}
 * and {@link dev.lookout.monitor.CameraFeed}.
 */
package dev.lookout.monitor;
