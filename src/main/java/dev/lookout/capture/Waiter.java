package dev.lookout.capture;

/**
 * A sleep that another thread can cut short: the decorators wait on it (pacing, reconnect backoff) so that
 * {@code close()} from another thread ends the wait at once instead of after it.
 */
final class Waiter {

    private boolean woken;

    /**
     * Waits until {@code deadlineNanos} ({@link System#nanoTime()} scale) or until {@link #wake()}.
     *
     * @return true if the deadline passed, false if woken (or interrupted, whose flag is restored)
     */
    synchronized boolean awaitUntil(long deadlineNanos) {
        long remaining;
        while (!woken && (remaining = deadlineNanos - System.nanoTime()) > 0) {
            try {
                wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !woken;
    }

    /** Ends the current and every later wait. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }
}
