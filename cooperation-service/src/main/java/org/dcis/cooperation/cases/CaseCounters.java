package org.dcis.cooperation.cases;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.platform.metrics.CommittedCounters;

import io.quarkus.runtime.Startup;

/**
 * Business counters of cases in {@code /q/metrics}: {@code dcis_cases_opened_total} and {@code dcis_cases_closed_total}
 * by framework, counted when the write commits, every series declared at zero.
 */
// created at start, so that every series is scraped at zero before the first write
@Startup
@ApplicationScoped
public class CaseCounters {
    static final String OPENED = "dcis.cases.opened";
    static final String CLOSED = "dcis.cases.closed";

    private final CommittedCounters counters;

    CaseCounters(CommittedCounters counters) {
        this.counters = counters;
    }

    @PostConstruct
    void declare() {
        for (Framework framework : Framework.values()) {
            counters.declare(OPENED, "Cooperation cases opened", "framework", framework.name());
            counters.declare(CLOSED, "Cooperation cases closed", "framework", framework.name());
        }
    }

    void opened(CaseSnapshot c) {
        counters.increment(OPENED, "framework", c.framework().name());
    }

    void closed(CaseSnapshot c) {
        counters.increment(CLOSED, "framework", c.framework().name());
    }
}
