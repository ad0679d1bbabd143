package org.dcis.cooperation.dashboard;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.dcis.cooperation.cases.CaseFigures;

/**
 * Keeps the dashboard's rows current in the transaction of each write of a case or an action (CaseService and
 * ActionService call it): what the case or action counted is withdrawn before the change and counted again after
 * it, so the next read sees the write, and a rolled back write changes nothing.
 *
 * <p>Writes of one post are serialised on a transaction-scoped advisory lock of that post: two cases of one post
 * written at once add to the same rows, and taking their row locks in one order per statement is not enough across
 * the withdraw and the count. Cases of different posts never share a row.
 */
@ApplicationScoped
public class DashboardUpdater implements CaseFigures {
    private static final String LOCK_CASE_POST = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('dcis.dashboard/'"
            + " || c.lead_post)) FROM cooperation_case c WHERE c.id = :id) l";
    private static final String LOCK_ACTION_POST = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('dcis.dashboard/'"
            + " || c.lead_post)) FROM cooperation_action a JOIN cooperation_case c ON c.id = a.case_id WHERE a.id = :id) l";
    private static final String CASE = "c.id = :id";
    private static final String ACTIONS_OF_CASE = "a.case_id = :id";
    private static final String ACTION = "a.id = :id";

    private final EntityManager em;

    DashboardUpdater(EntityManager em) {
        this.em = em;
    }

    @Override
    public void withdrawCase(UUID caseId) {
        lock(LOCK_CASE_POST, caseId);
        run(DashboardProjection.cases(CASE, -1), caseId);
        run(DashboardProjection.actions(ACTIONS_OF_CASE, -1), caseId);
        run(DashboardProjection.indicators(ACTIONS_OF_CASE, -1), caseId);
        run(DashboardProjection.caseRollup(CASE, -1), caseId);
        run(DashboardProjection.actionRollup(ACTIONS_OF_CASE, -1), caseId);
        run(DashboardProjection.indicatorRollup(ACTIONS_OF_CASE, -1), caseId);
    }

    @Override
    public void countCase(UUID caseId) {
        lock(LOCK_CASE_POST, caseId);
        run(DashboardProjection.cases(CASE, 1), caseId);
        run(DashboardProjection.actions(ACTIONS_OF_CASE, 1), caseId);
        run(DashboardProjection.indicators(ACTIONS_OF_CASE, 1), caseId);
        run(DashboardProjection.caseRollup(CASE, 1), caseId);
        run(DashboardProjection.actionRollup(ACTIONS_OF_CASE, 1), caseId);
        run(DashboardProjection.indicatorRollup(ACTIONS_OF_CASE, 1), caseId);
        deleteEmptyRows();
    }

    @Override
    public void withdrawAction(UUID actionId) {
        lock(LOCK_ACTION_POST, actionId);
        run(DashboardProjection.actions(ACTION, -1), actionId);
        run(DashboardProjection.indicators(ACTION, -1), actionId);
        run(DashboardProjection.actionRollup(ACTION, -1), actionId);
        run(DashboardProjection.indicatorRollup(ACTION, -1), actionId);
    }

    @Override
    public void countAction(UUID actionId) {
        lock(LOCK_ACTION_POST, actionId);
        run(DashboardProjection.actions(ACTION, 1), actionId);
        run(DashboardProjection.indicators(ACTION, 1), actionId);
        run(DashboardProjection.actionRollup(ACTION, 1), actionId);
        run(DashboardProjection.indicatorRollup(ACTION, 1), actionId);
        deleteEmptyRows();
    }

    private void lock(String sql, UUID id) {
        em.createNativeQuery(sql).setParameter("id", id).getSingleResult();
    }

    private void run(String sql, UUID id) {
        em.createNativeQuery(sql).setParameter("id", id).executeUpdate();
    }

    private void deleteEmptyRows() {
        for (String delete : DashboardProjection.DELETE_EMPTY) {
            em.createNativeQuery(delete).executeUpdate();
        }
    }
}
