package org.dcis.cooperation.dashboard;

import java.util.List;
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

    /**
     * Set while a bulk load writes on this thread: it goes through the use cases like any write, but counts
     * nothing row by row, and ends with {@link DashboardRebuild#rebuild()} (which the same tests check against
     * the per-write path), a few seconds instead of minutes of per-write updates for the demo history.
     */
    private static final ThreadLocal<Boolean> BULK_LOAD = ThreadLocal.withInitial(() -> false);

    private final EntityManager em;

    DashboardUpdater(EntityManager em) {
        this.em = em;
    }

    /** Runs {@code load} on this thread without per-write updates; the caller rebuilds the read model after it. */
    public static <T> T withoutPerWriteUpdates(java.util.function.Supplier<T> load) {
        BULK_LOAD.set(true);
        try {
            return load.get();
        } finally {
            BULK_LOAD.remove();
        }
    }

    @Override
    public void withdrawCase(UUID caseId) {
        if (BULK_LOAD.get()) {
            return;
        }
        lock(LOCK_CASE_POST, caseId);
        caseStatements(-1).forEach(sql -> run(sql, caseId));
    }

    @Override
    public void countCase(UUID caseId) {
        if (BULK_LOAD.get()) {
            return;
        }
        lock(LOCK_CASE_POST, caseId);
        caseStatements(1).forEach(sql -> run(sql, caseId));
        deleteEmptyRows();
    }

    @Override
    public void withdrawAction(UUID actionId) {
        if (BULK_LOAD.get()) {
            return;
        }
        lock(LOCK_ACTION_POST, actionId);
        run(actionStatement(-1), actionId);
    }

    @Override
    public void countAction(UUID actionId) {
        if (BULK_LOAD.get()) {
            return;
        }
        lock(LOCK_ACTION_POST, actionId);
        run(actionStatement(1), actionId);
        deleteEmptyRows();
    }

    /**
     * A case and its actions in two statements (one round trip each): the tables written by one statement's parts
     * must differ, since parts of one statement see the same snapshot; the cases' and the actions' roll-ups share
     * rows, so the actions' roll-up is the second statement.
     */
    private static List<String> caseStatements(int sign) {
        return List.of(together(DashboardProjection.cases(CASE, sign), DashboardProjection.actions(ACTIONS_OF_CASE, sign),
                DashboardProjection.indicators(ACTIONS_OF_CASE, sign), DashboardProjection.indicatorRollup(ACTIONS_OF_CASE, sign),
                DashboardProjection.caseRollup(CASE, sign)), DashboardProjection.actionRollup(ACTIONS_OF_CASE, sign));
    }

    /** An action: its row, its indicators and their roll-ups, four tables, one statement. */
    private static String actionStatement(int sign) {
        return together(DashboardProjection.actions(ACTION, sign), DashboardProjection.indicators(ACTION, sign),
                DashboardProjection.indicatorRollup(ACTION, sign), DashboardProjection.actionRollup(ACTION, sign));
    }

    /** Data-modifying statements as one: {@code WITH s1 AS (...), s2 AS (...) last}. */
    private static String together(String... statements) {
        StringBuilder sql = new StringBuilder("WITH ");
        for (int i = 0; i < statements.length - 1; i++) {
            sql.append(i == 0 ? "" : ", ").append("s").append(i).append(" AS (").append(statements[i]).append(")");
        }
        return sql.append(" ").append(statements[statements.length - 1]).toString();
    }

    private void lock(String sql, UUID id) {
        em.createNativeQuery(sql).setParameter("id", id).getSingleResult();
    }

    private void run(String sql, UUID id) {
        em.createNativeQuery(sql).setParameter("id", id).executeUpdate();
    }

    private void deleteEmptyRows() {
        em.createNativeQuery(together(DashboardProjection.DELETE_EMPTY)).executeUpdate();
    }
}
