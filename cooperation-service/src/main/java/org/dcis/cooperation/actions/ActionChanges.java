package org.dcis.cooperation.actions;

import org.dcis.cooperation.cases.CaseSnapshot;

/**
 * What follows an action change outside actions, in the transaction of the write (the partner change log).
 * Owned here, implemented by the partner feature, so actions never depend on it.
 */
public interface ActionChanges {
    /**
     * @param type   the event type of dcis.cooperation.v1: {@code action.logged}, {@code action.updated} or
     *               {@code action.status-changed}
     * @param onCase the case the action is logged on, as it stands
     */
    void actionChanged(String type, CaseSnapshot onCase, ActionSnapshot action);
}
