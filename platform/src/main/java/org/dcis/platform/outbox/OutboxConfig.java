package org.dcis.platform.outbox;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox and its relay, under {@code dcis.outbox}. */
@ConfigMapping(prefix = "dcis.outbox")
public interface OutboxConfig {
    /** CloudEvents {@code source} of every event this service writes. */
    @WithDefault("/dcis/${quarkus.application.name}")
    String source();

    /** Topics the relay makes sure exist (with these settings) before it sends to them. */
    Map<String, Topic> topics();

    Relay relay();

    interface Topic {
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Compacted topics keep the last event per key forever (event-carried state transfer). */
        @WithDefault("false")
        boolean compacted();
    }

    interface Relay {
        /** Whether this instance runs a relay at all (only the holder of the advisory lock sends). */
        @WithDefault("true")
        boolean enabled();

        /** Rows sent per round. */
        @WithDefault("200")
        int batchSize();

        /**
         * How often an idle relay looks for rows. A commit on this instance wakes it at once; the poll only
         * matters for rows written by another instance, or after a missed wake-up.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** First wait after a failed round; doubled after each further failure. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("15s")
        Duration maxBackoff();

        /**
         * How long the producer keeps retrying one record before giving up. Long enough to ride out a short
         * broker outage inside one round, which avoids resending (and duplicating) records already buffered.
         */
        @WithDefault("120s")
        Duration deliveryTimeout();

        /** Readiness reports the relay as degraded (still UP: writes go on) past this lag. */
        @WithDefault("5m")
        Duration maxLag();

        /** Key of the PostgreSQL advisory lock that elects the single active relay of a database. */
        @WithDefault("4242001")
        long lockKey();
    }
}
