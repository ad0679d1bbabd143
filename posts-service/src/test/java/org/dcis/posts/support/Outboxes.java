package org.dcis.posts.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.dcis.posts.event.OutboxLag;

/** Waiting for the relay, without sleeping. */
public final class Outboxes {
    private Outboxes() {
    }

    public static void awaitDrained(OutboxLag lag) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> lag.measure().unsent() == 0);
    }
}
