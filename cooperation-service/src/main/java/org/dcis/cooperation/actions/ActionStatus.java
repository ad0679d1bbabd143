package org.dcis.cooperation.actions;

import java.util.Map;
import java.util.Set;

/** PLANNED → IN_PROGRESS → COMPLETED, or CANCELLED (with a reason) before completion. */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, COMPLETED, CANCELLED;

    private static final Map<ActionStatus, Set<ActionStatus>> NEXT = Map.of(
            PLANNED, Set.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, Set.of(COMPLETED, CANCELLED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of());

    public boolean canBecome(ActionStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
