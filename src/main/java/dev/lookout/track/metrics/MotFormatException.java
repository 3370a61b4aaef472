package dev.lookout.track.metrics;

import java.io.IOException;

/** A MOTChallenge file with a row that is not {@code frame,id,x,y,w,h,...}; the message names line and field. */
public final class MotFormatException extends IOException {

    public MotFormatException(String message) {
        super(message);
    }
}
