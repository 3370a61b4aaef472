package dev.lookout.web;

/** A request that cannot be served, with the HTTP status and the one-line message the client gets as JSON. */
final class HttpProblem extends Exception {

    private final int status;

    HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }
}
