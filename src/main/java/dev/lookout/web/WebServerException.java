package dev.lookout.web;

/** The web server cannot start; the message says why and what to do (it never contains the password). */
public final class WebServerException extends Exception {

    WebServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
