package org.dcis.posts.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo network, under {@code dcis.posts.demo-data}. */
@ConfigMapping(prefix = "dcis.posts.demo-data")
public interface DemoConfig {
    /** Load the fictional demo network at start when the registry is empty (env DCIS_POSTS_DEMO_DATA_ENABLED). */
    @WithDefault("false")
    boolean enabled();
}
