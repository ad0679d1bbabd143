package org.dcis.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;

/**
 * Concurrent clients of the suite, each one a sequence of writes at its own pace: a write that gets no
 * answer or a server error is retried, as a careful client does (same request, same Idempotency-Key),
 * until it is answered 2xx or refused with a 4xx; everything each attempt got is kept for the counts.
 */
final class Clients {
    /** How long one write is retried: a restart of the service it needs takes well under this. */
    static final Duration RETRY_FOR = Duration.ofMinutes(3);

    /** What the clients write. Each client's calls are sequential, so per-client state needs no locking. */
    interface Plan {
        /** The next write of {@code client}, or null when it has nothing more to write. */
        Write next(int client);

        /** Sends one attempt of the write. */
        Http.Answer send(Write write);
    }

    /** One write and every attempt of it. */
    static final class Write {
        final int client;
        final String kind;
        /** Unique in the run (the title of a case or action, the id of a post): how it is found again. */
        final String label;
        final String method;
        final String path;
        /** Idempotency-Key of a create, If-Match of an update: the same on every attempt. */
        final Map<String, String> headers;
        final Map<String, Object> body;
        /** The aggregate the write is about (case id for an action, post id for a status change), if any. */
        final String target;
        final List<Http.Answer> attempts = new CopyOnWriteArrayList<>();
        final Instant started = Instant.now();
        volatile boolean gaveUp;
        volatile String failure;

        Write(int client, String kind, String label, String method, String path, Map<String, String> headers,
                Map<String, Object> body, String target) {
            this.client = client;
            this.kind = kind;
            this.label = label;
            this.method = method;
            this.path = path;
            this.headers = Map.copyOf(headers);
            this.body = body;
            this.target = target;
        }

        /** One attempt through the gateway with the user's token. */
        Http.Answer sendAs(String username) {
            return Http.call(method, FaultStack.get().gateway() + path, Tokens.of(username), body, headers,
                    Http.ANSWER_TIMEOUT);
        }

        /**
         * One attempt straight at one instance of a service (around the gateway): {@code base} is the instance's
         * address, {@code publicPrefix} the gateway's prefix of the path ({@code /api/cooperation}).
         */
        Http.Answer sendTo(String base, String publicPrefix, String username) {
            return Http.call(method, base + path.substring(publicPrefix.length()), Tokens.of(username), body, headers,
                    Http.ANSWER_TIMEOUT);
        }

        Http.Answer last() {
            return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        }

        /** Acknowledged: the last attempt was answered 2xx. */
        boolean acknowledged() {
            return last() != null && last().ok();
        }

        boolean acknowledgedFirstTime() {
            return !attempts.isEmpty() && attempts.get(0).ok();
        }

        /** Answered by replaying the first result of its Idempotency-Key. */
        boolean replayed() {
            return acknowledged() && last().header("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
        }

        /** Refused for good: a 4xx answer (never retried). */
        boolean refused() {
            return last() != null && last().answered() && !last().ok() && !last().retryable();
        }

        String id() {
            return acknowledged() ? last().json().path("id").asText(null) : null;
        }

        long version() {
            return acknowledged() ? last().json().path("version").asLong(-1) : -1;
        }

        @Override
        public String toString() {
            return kind + " " + label + " (client " + client + ", " + attempts.size() + " attempt(s), last: "
                    + (last() == null ? "none" : last().brief()) + (failure == null ? "" : ", failed: " + failure) + ")";
        }
    }

    private static final java.util.Set<Clients> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final String name;
    private final Plan plan;
    private final ScheduledExecutorService pool;
    private final List<ScheduledFuture<?>> loops = new ArrayList<>();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    private Clients(String name, int count, Plan plan) {
        this.name = name;
        this.plan = plan;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newScheduledThreadPool(count, r -> {
            Thread thread = new Thread(r, name + "-client-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code count} clients, each writing, then waiting {@code pause}, and again. */
    static Clients start(String name, int count, Duration pause, Plan plan) {
        Clients clients = new Clients(name, count, plan);
        for (int c = 0; c < count; c++) {
            int client = c;
            clients.loops.add(clients.pool.scheduleWithFixedDelay(() -> clients.oneWrite(client), 0, pause.toMillis(),
                    TimeUnit.MILLISECONDS));
        }
        RUNNING.add(clients);
        return clients;
    }

    private void oneWrite(int client) {
        if (stopping) {
            return;
        }
        Write write;
        try {
            write = plan.next(client);
        } catch (RuntimeException e) {
            System.out.printf("[fault] %s client %d could not plan its next write: %s%n", name, client, e);
            return;
        }
        if (write == null) {
            return;
        }
        writes.add(write);
        try {
            Http.Answer first = plan.send(write);
            write.attempts.add(first);
            if (!first.ok() && first.retryable()) {
                await(name + " client " + client + " retrying " + write.label).atMost(RETRY_FOR)
                        .pollDelay(Duration.ofMillis(250)).pollInterval(Duration.ofMillis(500)).pollInSameThread()
                        .until(() -> {
                            Http.Answer retry = plan.send(write);
                            write.attempts.add(retry);
                            return retry.ok() || !retry.retryable();
                        });
            }
        } catch (ConditionTimeoutException e) {
            write.gaveUp = true;
        } catch (RuntimeException | Error e) {
            // e.g. no token to be had: the write is given up, the client goes on (a thrown task would stop it)
            write.gaveUp = true;
            write.failure = e.toString();
        }
    }

    /** Stops the clients a failed scenario left writing (at most a retry's time). */
    static void stopAllRunning() {
        for (Clients clients : List.copyOf(RUNNING)) {
            System.out.printf("[fault] stopping the %s clients a failed scenario left writing%n", clients.name);
            clients.stop();
        }
    }

    /** Every write so far (in the order they started). */
    List<Write> writes() {
        return List.copyOf(writes);
    }

    long acknowledged() {
        return writes.stream().filter(Write::acknowledged).count();
    }

    /** Writes started after {@code since} and acknowledged. */
    long acknowledgedSince(Instant since) {
        return writes.stream().filter(w -> !w.started.isBefore(since)).filter(Write::acknowledged).count();
    }

    /** Writes that failed at their first attempt (no answer or a 5xx). */
    long failedFirstTime() {
        return writes.stream().filter(w -> !w.attempts.isEmpty() && !w.attempts.get(0).ok()).count();
    }

    /** Stops planning new writes, lets each client finish (retries included) the write it is in, and waits for them. */
    List<Write> stop() {
        RUNNING.remove(this);
        stopping = true;
        loops.forEach(loop -> loop.cancel(false));
        pool.shutdown();
        await(name + " clients finishing their last write").atMost(RETRY_FOR.plusMinutes(1))
                .pollInterval(Duration.ofMillis(200)).until(pool::isTerminated);
        return writes();
    }
}
