package org.dcis.cooperation.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * At start, a database that holds cases but no dashboard rows (migrated from before V6, or filled in bulk without the
 * use cases) gets its read model built once; afterwards the updater keeps it current write by write.
 */
@ApplicationScoped
class DashboardStartup {
    private static final Logger LOG = Logger.getLogger(DashboardStartup.class);

    void onStart(@Observes StartupEvent event, DashboardRebuild rebuild) {
        if (rebuild.rebuildIfEmpty()) {
            LOG.info("Dashboard read model rebuilt from the stored cases and actions");
        }
    }
}
