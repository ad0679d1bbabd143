package org.dcis.cooperation.cases;

import java.util.UUID;

/**
 * What is counted from cases and their actions outside them (the headquarters dashboard's read model), kept
 * current in the transaction of every write: a use case withdraws what a case or an action counted before it
 * changes it, and counts it again once the change is flushed. Owned here, implemented by the dashboard feature,
 * so cases and actions never depend on the dashboard (features stay free of cycles, ArchitectureTest).
 */
public interface CaseFigures {
    /** Before a case changes: withdraws the case and every action logged on it. Call before changing the entity. */
    void withdrawCase(UUID caseId);

    /** After a case was opened or changed (and flushed): counts the case and every action logged on it. */
    void countCase(UUID caseId);

    /** Before an action changes: withdraws the action and its outcomes. Call before changing the entity. */
    void withdrawAction(UUID actionId);

    /** After an action was logged or changed (and flushed): counts the action and its outcomes. */
    void countAction(UUID actionId);
}
