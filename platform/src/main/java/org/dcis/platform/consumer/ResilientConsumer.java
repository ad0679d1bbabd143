package org.dcis.platform.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.dcis.platform.persistence.DatabaseFailures;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.platform.tracing.TraceContext;

/**
 * Applies one consumed record so that the consumer never stops on it. The failures of {@code work} are sorted:
 * <ul>
 * <li>transient (the database away or saturated, a deadlock, a lock timeout): tried again with exponential
 * backoff, for as long as it takes, so the record is applied once the database is back and nothing is lost;</li>
 * <li>deterministic (a {@link DeadLetter} the consumer throws on a record it cannot read, a data or constraint
 * refusal of the database): thrown as a {@link DeadLetter} at once, for the messaging layer to put on the
 * dead-letter topic and go on;</li>
 * <li>anything else: tried {@code dcis.consumer.max-unexpected-attempts} times, then dead-lettered.</li>
 * </ul>
 * Counts {@code dcis.consumer.dead.letters} and {@code dcis.consumer.retries} (tag {@code channel}) and keeps the
 * state that readiness shows ({@link ConsumerHealth}). The wait between tries blocks the calling thread: the
 * caller is an ordered, blocking consumer, whose partition must not move on while its record waits.
 *
 * <p>A record that carries a trace context (W3C {@code traceparent} header, as the outbox relay writes it) is applied
 * inside a {@code <topic> process} consumer span continuing that trace, made current around {@code work}: its logs
 * carry the trace id and the events it writes to the outbox carry the trace on.
 */
@ApplicationScoped
public class ResilientConsumer {
    private static final Logger LOG = Logger.getLogger(ResilientConsumer.class);

    private final ConsumerSettings settings;
    private final MeterRegistry registry;
    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();
    private final Tracer tracer;

    ResilientConsumer(ConsumerSettings settings, MeterRegistry registry, Clock clock, OpenTelemetry openTelemetry) {
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
        this.tracer = openTelemetry.getTracer("org.dcis.platform.consumer");
    }

    /**
     * {@link #process(String, String, Runnable)} for a Kafka record, named {@code topic-partition@offset}, inside the
     * trace its headers carry (if any).
     */
    public void process(String channel, ConsumerRecord<?, ?> record, Runnable work) {
        inTrace(channel, record, () -> process(channel, name(record), work));
    }

    /** How logs name a record: {@code topic-partition@offset}. */
    static String name(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /**
     * Runs {@code work} inside the trace the record carries (if any): a {@code <topic> process} consumer span,
     * current around {@code work}, ended with the error it threw.
     */
    void inTrace(String channel, ConsumerRecord<?, ?> record, Runnable work) {
        TraceContext carried = TraceContext.of(record.headers());
        if (carried == null) {
            work.run();
            return;
        }
        Context parent = carried.extract(Context.root());
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid() && current.getTraceId().equals(Span.fromContext(parent).getSpanContext().getTraceId())) {
            // the messaging layer's own span of this record is current already: nest under it
            parent = Context.current();
        }
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.message.offset", record.offset())
                .setAttribute("dcis.channel", channel)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /** Counts records applied together (by {@link BatchConsumer}) as {@link #process} counts one. */
    void applied(String channel, int records) {
        state(channel).succeeded(records);
    }

    /**
     * Runs {@code work} (its own transaction) until it succeeds or proves it never will.
     *
     * @param channel the consumer's channel, as metrics and readiness name it
     * @param record  how logs name the record, e.g. {@code dcis.posts.v1-2@117}
     * @throws DeadLetter       the record can never be applied: dead-letter it and go on
     * @throws ConsumerStopping the service stops while the record waits: do not acknowledge it
     */
    public void process(String channel, String record, Runnable work) {
        ChannelState state = state(channel);
        Duration backoff = settings.initialBackoff();
        int unexpected = 0;
        while (true) {
            try {
                work.run();
                state.succeeded();
                return;
            } catch (RuntimeException failure) {
                Optional<DeadLetter> dead = deterministic(failure);
                if (dead.isEmpty() && !DatabaseFailures.isTransient(failure)
                        && ++unexpected >= settings.maxUnexpectedAttempts()) {
                    dead = Optional.of(new DeadLetter(DeadLetter.Kind.UNEXPECTED, unexpected + " tries failed: "
                            + failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure));
                }
                if (dead.isPresent()) {
                    DeadLetter letter = dead.get();
                    LOG.errorf("Record %s of channel %s goes to the dead-letter topic: %s", record, channel,
                            letter.getMessage());
                    registry.counter("dcis.consumer.dead.letters", "channel", channel, "kind", letter.kind().label())
                            .increment();
                    state.deadLettered(letter, clock.instant());
                    throw letter;
                }
                registry.counter("dcis.consumer.retries", "channel", channel).increment();
                state.failed(failure, clock.instant());
                LOG.warnf("Record %s of channel %s not applied (%s: %s); next try in %s", record, channel,
                        failure.getClass().getSimpleName(), failure.getMessage(), backoff);
                try {
                    if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new ConsumerStopping(record);
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ConsumerStopping(record);
                }
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** A failure that the same record will meet on every try, as the dead letter it makes; empty otherwise. */
    static Optional<DeadLetter> deterministic(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeadLetter letter) {
                return Optional.of(letter);
            }
        }
        if (DatabaseFailures.isTransient(failure)) {
            return Optional.empty();
        }
        Optional<String> state = DatabaseFailures.dataRefusal(failure);
        if (state.isPresent()) {
            DeadLetter.Kind kind = state.get().startsWith("23") ? DeadLetter.Kind.CONSTRAINT : DeadLetter.Kind.DATA;
            return Optional.of(new DeadLetter(kind, "the database refused the record (SQLSTATE " + state.get() + ")",
                    failure));
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException) {
                return Optional.of(new DeadLetter(DeadLetter.Kind.PARSE, "unreadable JSON: " + t.getMessage(), failure));
            }
            if (t instanceof jakarta.validation.ConstraintViolationException) {
                return Optional.of(new DeadLetter(DeadLetter.Kind.SHAPE, "invalid: " + t.getMessage(), failure));
            }
        }
        return Optional.empty();
    }

    /** Per channel, what readiness reports. */
    public Map<String, ChannelStatus> status() {
        Map<String, ChannelStatus> status = new TreeMap<>();
        channels.forEach((name, state) -> status.put(name, state.status()));
        return status;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
    }

    @PreDestroy
    void destroy() {
        stopping.countDown();
    }

    private ChannelState state(String channel) {
        return channels.computeIfAbsent(channel, name -> new ChannelState());
    }

    /**
     * @param failingSince when the record now being tried first failed (null when nothing is failing)
     * @param lastFailure  the latest failure of that record
     */
    public record ChannelStatus(long applied, long deadLetters, String lastDeadLetter, Instant lastDeadLetterAt,
            long retries, Instant failingSince, String lastFailure) {
        /** A record waits for a transient failure to pass: the channel does not move. */
        public boolean stalled() {
            return failingSince != null;
        }
    }

    private static final class ChannelState {
        private long applied;
        private long deadLetters;
        private String lastDeadLetter;
        private Instant lastDeadLetterAt;
        private long retries;
        private Instant failingSince;
        private String lastFailure;

        synchronized void succeeded() {
            succeeded(1);
        }

        synchronized void succeeded(int records) {
            applied += records;
            failingSince = null;
            lastFailure = null;
        }

        synchronized void failed(Throwable failure, Instant at) {
            retries++;
            if (failingSince == null) {
                failingSince = at;
            }
            lastFailure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }

        synchronized void deadLettered(DeadLetter letter, Instant at) {
            deadLetters++;
            lastDeadLetter = letter.getMessage();
            lastDeadLetterAt = at;
            failingSince = null;
            lastFailure = null;
        }

        synchronized ChannelStatus status() {
            return new ChannelStatus(applied, deadLetters, lastDeadLetter, lastDeadLetterAt, retries, failingSince,
                    lastFailure);
        }
    }
}
