package org.dcis.cooperation.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Recomputes the whole read model from the cases and actions, one {@code INSERT ... SELECT} per table, in one
 * transaction: the tables are truncated first, so readers and writers of cases wait for the rebuild to commit (a few
 * seconds on a million actions). For bulk loads that write rows without the use cases
 * (benchmark histories written with COPY), and to repair; the rows are those the updater keeps
 * (DashboardRebuildTest compares them).
 */
@ApplicationScoped
public class DashboardRebuild {
    private final EntityManager em;

    DashboardRebuild(EntityManager em) {
        this.em = em;
    }

    /** What the rebuild wrote: rows of each table. */
    public record Rebuilt(int caseRows, int actionRows, int indicatorRows, int rollupWrites, int indicatorRollupWrites) {
    }

    /** Rebuilds when cases exist and the read model is empty (a database of before V6, or loaded in bulk). */
    @Transactional
    public boolean rebuildIfEmpty() {
        Object missing = em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM cooperation_case)"
                + " AND NOT EXISTS (SELECT 1 FROM " + DashboardProjection.CASE_TABLE + ")").getSingleResult();
        if (Boolean.TRUE.equals(missing)) {
            rebuild();
            return true;
        }
        return false;
    }

    @Transactional
    public Rebuilt rebuild() {
        String tables = DashboardProjection.ALL_TABLES;
        // the roll-ups group ten rows per action: let the groups stay in memory
        em.createNativeQuery("SET LOCAL work_mem = '256MB'").executeUpdate();
        // writers of cases and actions wait (they update these tables in their own transaction), so do readers
        em.createNativeQuery("TRUNCATE " + tables).executeUpdate();
        int cases = em.createNativeQuery(DashboardProjection.cases("TRUE", 1)).executeUpdate();
        int actions = em.createNativeQuery(DashboardProjection.actions("TRUE", 1)).executeUpdate();
        int indicators = em.createNativeQuery(DashboardProjection.indicators("TRUE", 1)).executeUpdate();
        // cases first, then actions add to the same roll-up rows (theme, framework, ...): the upsert sums them
        int rollup = em.createNativeQuery(DashboardProjection.caseRollup("TRUE", 1)).executeUpdate()
                + em.createNativeQuery(DashboardProjection.actionRollup("TRUE", 1)).executeUpdate();
        int indicatorRollup = em.createNativeQuery(DashboardProjection.indicatorRollup("TRUE", 1)).executeUpdate();
        // rows the upsert left at zero: none from a rebuild, but the same rule as the updater
        for (String delete : DashboardProjection.DELETE_EMPTY) {
            em.createNativeQuery(delete).executeUpdate();
        }
        em.createNativeQuery("ANALYZE " + tables).executeUpdate();
        return new Rebuilt(cases, actions, indicators, rollup, indicatorRollup);
    }
}
