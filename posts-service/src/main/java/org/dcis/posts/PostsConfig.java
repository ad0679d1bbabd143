package org.dcis.posts;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of posts-service under {@code dcis.posts}. */
@ConfigMapping(prefix = "dcis.posts")
public interface PostsConfig {
    DemoData demoData();

    Outbox outbox();

    interface DemoData {
        /** Load the fictional demo network at start when the registry is empty (env DCIS_POSTS_DEMO_DATA_ENABLED). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Outbox {
        @WithDefault("dcis.posts.v1")
        String topic();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** How often the relay looks for unsent events. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long the producer keeps retrying one record before the relay gives up on it and retries later. */
        @WithDefault("PT2M")
        Duration deliveryTimeout();

        /** Rows sent per relay round. */
        @WithDefault("200")
        int batchSize();

        /** Longest pause between attempts while the broker is away (doubling from the poll interval). */
        @WithDefault("PT30S")
        Duration maxBackoff();

        /** Advisory lock key shared by every instance, so one relay is active at a time. */
        @WithDefault("7263540011")
        long lockKey();
    }
}
