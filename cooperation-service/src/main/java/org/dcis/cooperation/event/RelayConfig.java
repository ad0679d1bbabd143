package org.dcis.cooperation.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Outbox relay tuning. */
@ConfigMapping(prefix = "dcis.outbox.relay")
public interface RelayConfig {
    /** Whether this instance runs a relay at all (only the holder of the advisory lock sends). */
    @WithDefault("true")
    boolean enabled();

    /** Rows sent per round. */
    @WithDefault("200")
    int batchSize();

    /** How often an idle relay looks for rows written by another instance. */
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

    /** Readiness turns DOWN when the oldest unsent event is older than this. */
    @WithDefault("5m")
    Duration maxLag();

    /** Key of the PostgreSQL advisory lock that elects the single active relay. */
    @WithDefault("4242001")
    long lockKey();
}
