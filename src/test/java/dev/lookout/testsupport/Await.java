package dev.lookout.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for something another thread or process does, with a generous limit and a clear failure. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after 30 s. */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        until(condition, what, Duration.ofSeconds(30));
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code limit}. */
    public static void until(BooleanSupplier condition, String what, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
