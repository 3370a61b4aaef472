package dev.lookout.track;

/**
 * A confirmed track the tracker has given up: lost for longer than its buffer, or ended with the run.
 *
 * @param id the track's id
 * @param className its class
 * @param lastSeen the time (seconds) of its last detection
 */
public record EndedTrack(long id, String className, double lastSeen) {
}
