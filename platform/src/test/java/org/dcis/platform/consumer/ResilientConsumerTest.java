package org.dcis.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** How a consumed record's failures are sorted: tried again, or set aside for good. */
class ResilientConsumerTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ResilientConsumer consumer = new ResilientConsumer(new ConsumerSettings() {
        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(4);
        }

        @Override
        public int maxUnexpectedAttempts() {
            return 3;
        }
    }, registry, Clock.systemUTC(), io.opentelemetry.api.OpenTelemetry.noop());

    @Test
    void aDatabaseAwayIsTriedAgainUntilItIsBack() {
        AtomicInteger tries = new AtomicInteger();
        consumer.process("posts", "p-0@1", () -> {
            if (tries.incrementAndGet() < 7) {
                throw new IllegalStateException("tx failed", new SQLException("Connection refused", "08001"));
            }
        });
        assertThat(tries).hasValue(7);
        assertThat(registry.counter("dcis.consumer.retries", "channel", "posts").count()).isEqualTo(6);
        assertThat(consumer.status().get("posts").stalled()).isFalse();
        assertThat(consumer.status().get("posts").applied()).isEqualTo(1);
    }

    @Test
    void deadlocksAndAcquisitionTimeoutsAreTransientToo() {
        assertThat(ResilientConsumer.deterministic(new SQLException("deadlock detected", "40P01"))).isEmpty();
        assertThat(ResilientConsumer.deterministic(new SQLException("Acquisition timeout while waiting for new connection")))
                .isEmpty();
        assertThat(ResilientConsumer.deterministic(new RuntimeException(new SQLException("terminating", "57P01")))).isEmpty();
    }

    @Test
    void dataAndConstraintRefusalsAreDeadLetteredAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> consumer.process("posts", "p-0@2", () -> {
            tries.incrementAndGet();
            throw new RuntimeException("could not execute statement",
                    new SQLException("value too long for type character varying(40)", "22001"));
        })).isInstanceOfSatisfying(DeadLetter.class, letter -> {
            assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.DATA);
            assertThat(letter.getMessage()).contains("22001");
        });
        assertThat(tries).hasValue(1);
        assertThat(ResilientConsumer.deterministic(new SQLException("duplicate key", "23505")))
                .hasValueSatisfying(letter -> assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.CONSTRAINT));
        assertThat(ResilientConsumer.deterministic(new JsonParseException(null, "Unexpected character")))
                .hasValueSatisfying(letter -> assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.PARSE));
        assertThat(registry.counter("dcis.consumer.dead.letters", "channel", "posts", "kind", "data").count()).isEqualTo(1);
        assertThat(consumer.status().get("posts").deadLetters()).isEqualTo(1);
        assertThat(consumer.status().get("posts").lastDeadLetter()).contains("22001");
    }

    @Test
    void aRecordTheConsumerCannotReadIsDeadLetteredAsItSays() {
        assertThatThrownBy(() -> consumer.process("posts", "p-1@3", () -> {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "post id of 60 characters");
        })).isInstanceOfSatisfying(DeadLetter.class, letter -> assertThat(letter.getMessage())
                .isEqualTo("shape: post id of 60 characters"));
    }

    @Test
    void anUnexpectedFailureIsTriedAFewTimesThenDeadLettered() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> consumer.process("posts", "p-2@4", () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("bug");
        })).isInstanceOfSatisfying(DeadLetter.class,
                letter -> assertThat(letter.kind()).isEqualTo(DeadLetter.Kind.UNEXPECTED));
        assertThat(tries).hasValue(3);
    }

    @Test
    void aStoppingServiceNeitherAppliesNorDeadLettersTheWaitingRecord() {
        consumer.stop(null);
        assertThatThrownBy(() -> consumer.process("posts", "p-0@5", () -> {
            throw new RuntimeException(new SQLException("Connection refused", "08001"));
        })).isInstanceOf(ConsumerStopping.class);
    }
}
