package org.dcis.platform.consumer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How event consumers retry, under {@code dcis.consumer}. */
@ConfigMapping(prefix = "dcis.consumer")
public interface ConsumerSettings {
    /** First wait after a transient failure (database away, deadlock); doubled after each further failure. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * Tries of a record whose failure is neither transient nor a known refusal (a bug, most likely) before it is
     * dead-lettered: enough to ride out a glitch, few enough never to block the partition for long.
     */
    @WithDefault("5")
    int maxUnexpectedAttempts();
}
