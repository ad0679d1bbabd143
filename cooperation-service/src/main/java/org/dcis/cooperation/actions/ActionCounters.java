package org.dcis.cooperation.actions;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.cases.Theme;
import org.dcis.platform.metrics.CommittedCounters;

import io.quarkus.runtime.Startup;

/**
 * Business counters of actions in {@code /q/metrics}: {@code dcis_actions_logged_total} by theme of the case (an
 * action on a case of two themes counts once for each) and kind, {@code dcis_actions_status_changed_total} by the
 * status reached; counted when the write commits, every series declared at zero.
 */
// created at start, so that every series is scraped at zero before the first write
@Startup
@ApplicationScoped
public class ActionCounters {
    static final String LOGGED = "dcis.actions.logged";
    static final String STATUS_CHANGED = "dcis.actions.status.changed";

    private final CommittedCounters counters;

    ActionCounters(CommittedCounters counters) {
        this.counters = counters;
    }

    @PostConstruct
    void declare() {
        for (Theme theme : Theme.values()) {
            for (ActionKind kind : ActionKind.values()) {
                counters.declare(LOGGED, "Cooperation actions logged, by theme of their case and kind", "theme",
                        theme.name(), "kind", kind.name());
            }
        }
        for (ActionStatus status : ActionStatus.values()) {
            counters.declare(STATUS_CHANGED, "Status changes of actions, by status reached", "status", status.name());
        }
    }

    void logged(CaseSnapshot onCase, ActionSnapshot action) {
        for (Theme theme : onCase.themes()) {
            counters.increment(LOGGED, "theme", theme.name(), "kind", action.kind().name());
        }
    }

    void statusChanged(ActionSnapshot action) {
        counters.increment(STATUS_CHANGED, "status", action.status().name());
    }
}
