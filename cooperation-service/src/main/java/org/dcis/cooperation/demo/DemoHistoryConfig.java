package org.dcis.cooperation.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo history, under {@code dcis.cooperation.demo-history}. */
@ConfigMapping(prefix = "dcis.cooperation.demo-history")
public interface DemoHistoryConfig {
    /**
     * Load the demo history once the directory knows the demo network, unless a history is stored already
     * (env DCIS_COOPERATION_DEMO_HISTORY_ENABLED; the local stack turns it on).
     */
    @WithDefault("false")
    boolean enabled();

    /** The seed of a first load (a load cut short resumes with the seed it began with). */
    @WithDefault("20211206")
    long seed();

    /** Cases written per transaction. */
    @WithDefault("25")
    int batchCases();
}
