package org.dcis.cooperation.cases;

/**
 * What follows a case change outside cases, in the transaction of the write: the partner change log (what each
 * partner organisation's systems sync). Owned here, implemented by the partner feature, so cases never depend on
 * it (features stay free of cycles, ArchitectureTest).
 */
public interface CaseChanges {
    /**
     * @param type   the event type of dcis.cooperation.v1: {@code case.opened}, {@code case.updated} or
     *               {@code case.closed}
     * @param before the case before the change, null when it was just opened
     * @param after  the case as the change left it
     */
    void caseChanged(String type, CaseSnapshot before, CaseSnapshot after);
}
