package vn.motcua.support;

import java.time.Duration;

/**
 * How long a test waits for something the job executor or a browser does, on the JVM's monotonic clock:
 * a wait is never a date, so neither the machine's date nor a moved engine clock changes it.
 */
public final class Patience {

    private final long startedAt = System.nanoTime();
    private final Duration limit;

    private Patience(Duration limit) {
        this.limit = limit;
    }

    public static Patience of(Duration limit) {
        return new Patience(limit);
    }

    /** Whether the wait took longer than its limit. */
    public boolean exhausted() {
        return elapsed().compareTo(limit) > 0;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }
}
