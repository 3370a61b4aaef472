/**
 * Where frames come from. {@link dev.lookout.capture.FrameSources#open FrameSources.open(spec, options)} turns what
 * the user typed into a {@link dev.lookout.capture.FrameSource}:
 * <ul>
 *   <li>{@code 0}, {@code 1}, {@code /dev/video0}: a camera ({@link dev.lookout.capture.CameraFrameSource}),
 *       reconnecting;</li>
 *   <li>{@code rtsp://user:pass@cam/stream}, {@code http://cam/video.mjpg}, {@code https://.../index.m3u8},
 *       {@code udp://...}: a network stream ({@link dev.lookout.capture.FfmpegFrameSource}), reconnecting with
 *       backoff ({@link dev.lookout.capture.ReconnectingFrameSource}, which reports its
 *       {@link dev.lookout.capture.SourceState}: live, stalled, reconnecting, offline); credentials are masked everywhere
 *       ({@link dev.lookout.capture.UrlRedaction}); what a stream may cost is bounded by its
 *       {@link dev.lookout.capture.StreamGuard} (open within the network timeout, at most max(32 MB, 16 frames)
 *       read between two frames);</li>
 *   <li>an image file or a folder: a slideshow ({@link dev.lookout.capture.ImageFrameSource});</li>
 *   <li>any other file: a video decoded by FFmpeg.</li>
 * </ul>
 * Files and images are paced at their own rate and may loop ({@link dev.lookout.capture.PacedFrameSource}) unless
 * {@link dev.lookout.capture.SourceOptions#fast()} asks for every frame as fast as possible.
 *
 * <p>Threading: a source is read by one thread. {@code close()} of the decorators may come from another thread and
 * ends a pacing or backoff wait at once; a network stream's read in progress ends at once (its guard interrupts
 * FFmpeg); a file is read locally, so its reads are short.
 */
package dev.lookout.capture;
