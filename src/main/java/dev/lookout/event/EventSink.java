package dev.lookout.event;

/**
 * Receives every event change of the cameras it is subscribed to, in order per camera.
 *
 * <p>Called on the pipeline's event thread: an implementation must return at once (hand slow work such as disk,
 * network or Swing to its own bounded queue or thread, dropping and counting what does not fit) and must not
 * throw; a sink that fails reports it through its own channel and the pipeline goes on.
 */
@FunctionalInterface
public interface EventSink {

    /** One change of one event. */
    void onEvent(EventChange change);
}
