package org.dcis.posts.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.dcis.platform.outbox.OutboxRelay;

/** Waiting for the relay, without sleeping. */
public final class Outboxes {
    private Outboxes() {
    }

    public static void awaitDrained(OutboxRelay relay) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> unsent(relay) == 0);
    }

    /** Events written and not yet acknowledged by Kafka, read afresh from the outbox. */
    public static long unsent(OutboxRelay relay) {
        return relay.status().unsent();
    }
}
