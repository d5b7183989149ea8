package vn.motcua.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A value read at most once per period, however many meters and scrapes ask for it. Not a Caffeine
 * cache: its periods run on the engine's clock, which tests move back and forth, and Caffeine needs a
 * ticker that only moves forward.
 */
final class Cached<T> implements Supplier<T> {

    private final Supplier<T> source;
    private final long periodMillis;
    private T value;
    private long readAt;

    Cached(Supplier<T> source, Duration period) {
        this.source = source;
        this.periodMillis = period.toMillis();
    }

    @Override
    public synchronized T get() {
        // The engine's clock, so that tests that move it see fresh figures; it is the system clock otherwise.
        long now = ClockUtil.getCurrentTime().getTime();
        if (value == null || now - readAt >= periodMillis || now < readAt) {
            value = source.get();
            readAt = now;
        }
        return value;
    }
}
