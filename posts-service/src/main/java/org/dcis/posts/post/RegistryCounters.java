package org.dcis.posts.post;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.platform.metrics.CommittedCounters;

import io.quarkus.runtime.Startup;

/**
 * Business counter of the registry in {@code /q/metrics}: {@code dcis_registry_changes_total} by the event type of
 * the change (post opened, coverage changed, officer assigned...), counted when the write commits, every series
 * declared at zero.
 */
// created at start, so that every series is scraped at zero before the first write
@Startup
@ApplicationScoped
public class RegistryCounters {
    static final String CHANGES = "dcis.registry.changes";

    private final CommittedCounters counters;

    RegistryCounters(CommittedCounters counters) {
        this.counters = counters;
    }

    @PostConstruct
    void declare() {
        for (PostEventType type : PostEventType.values()) {
            counters.declare(CHANGES, "Changes of the registry, by event type", "type", type.type());
        }
    }

    void changed(PostEventType type) {
        counters.increment(CHANGES, "type", type.type());
    }
}
