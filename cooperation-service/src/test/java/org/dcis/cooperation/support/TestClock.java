package org.dcis.cooperation.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import org.dcis.platform.time.Clocks;

/**
 * The service's one clock in tests: it replaces the platform's default {@link Clock} bean (and so the
 * suite's calendar built on it). It tells the system time (in microseconds, as the platform's clock) unless a
 * test fixes it, and every test that fixes it resets it, so the other tests of the shared application never see a fixed time.
 *
 * <p>A test of concurrent requests can also {@link #pauseNextRequest() pause} the next request that reads the
 * time: use cases read it after their checks and before their writes, so the paused request holds whatever it
 * locked while another request runs, which is how a race is played in the same order on every run.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    /** Resources live in these packages: a thread with one of their frames serves a request. */
    private static final String RESOURCES = ".api.";

    private volatile Clock current = Clocks.microseconds(Clock.systemUTC());
    private final AtomicReference<Pause> pause = new AtomicReference<>();

    /** From now on, the service lives at this instant. */
    public void fixAt(Instant instant) {
        current = Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Back to the system time. */
    public void reset() {
        current = Clocks.microseconds(Clock.systemUTC());
    }

    /** The next request thread that reads the time waits there until the pause is released. */
    public Pause pauseNextRequest() {
        Pause next = new Pause();
        if (!pause.compareAndSet(null, next)) {
            throw new IllegalStateException("a pause is already armed");
        }
        return next;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        Pause armed = pause.get();
        if (armed != null && servesARequest() && pause.compareAndSet(armed, null)) {
            armed.hold();
        }
        return current.instant();
    }

    /** Not the post consumer, nor the relay: those run on the same worker threads as requests. */
    private static boolean servesARequest() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                frame.getClassName().startsWith("org.dcis.cooperation.") && frame.getClassName().contains(RESOURCES)));
    }

    /** One paused request: the test waits until it arrived, then releases it. */
    public static final class Pause {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void hold() {
            arrived.countDown();
            try {
                if (!released.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("paused request never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Until a request reached the pause (it holds its locks there). */
        public void awaitArrival(Duration atMost) throws InterruptedException {
            if (!arrived.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no request read the time within " + atMost);
            }
        }

        public void release() {
            released.countDown();
        }
    }
}
