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
    public record Rebuilt(int caseRows, int actionRows, int indicatorRows) {
    }

    @Transactional
    public Rebuilt rebuild() {
        String tables = DashboardProjection.CASE_TABLE + ", " + DashboardProjection.ACTION_TABLE + ", "
                + DashboardProjection.INDICATOR_TABLE;
        // writers of cases and actions wait (they update these tables in their own transaction), so do readers
        em.createNativeQuery("TRUNCATE " + tables).executeUpdate();
        int cases = em.createNativeQuery(DashboardProjection.cases("TRUE", 1)).executeUpdate();
        int actions = em.createNativeQuery(DashboardProjection.actions("TRUE", 1)).executeUpdate();
        int indicators = em.createNativeQuery(DashboardProjection.indicators("TRUE", 1)).executeUpdate();
        em.createNativeQuery("ANALYZE " + tables).executeUpdate();
        return new Rebuilt(cases, actions, indicators);
    }
}
