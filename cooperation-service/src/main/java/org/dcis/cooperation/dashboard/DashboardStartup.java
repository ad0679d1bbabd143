package org.dcis.cooperation.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * At start, a database that holds cases but no dashboard rows (migrated from before V6, or filled in bulk without the
 * use cases) gets its read model built once; afterwards the updater keeps it current write by write. With
 * {@code dcis.cooperation.dashboard.rebuild-at-start=true} (env {@code DCIS_COOPERATION_DASHBOARD_REBUILD_AT_START}) it is
 * rebuilt at every start: for a history loaded in bulk (COPY) next to an existing read model, as a benchmark does.
 */
@ApplicationScoped
class DashboardStartup {
    private static final Logger LOG = Logger.getLogger(DashboardStartup.class);

    @ConfigProperty(name = "dcis.cooperation.dashboard.rebuild-at-start", defaultValue = "false")
    boolean rebuildAtStart;

    void onStart(@Observes StartupEvent event, DashboardRebuild rebuild) {
        if (rebuildAtStart) {
            DashboardRebuild.Rebuilt rebuilt = rebuild.rebuild();
            LOG.infof("Dashboard read model rebuilt at start: %d case rows, %d action rows, %d indicator rows",
                    rebuilt.caseRows(), rebuilt.actionRows(), rebuilt.indicatorRows());
        } else if (rebuild.rebuildIfEmpty()) {
            LOG.info("Dashboard read model rebuilt from the stored cases and actions");
        }
    }
}
