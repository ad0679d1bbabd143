package org.dcis.cooperation.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** At start, gives the partner change log the released cases of a database that predates it (PartnerChangeLog). */
@ApplicationScoped
class PartnerBackfill {
    private static final Logger LOG = Logger.getLogger(PartnerBackfill.class);

    void onStart(@Observes StartupEvent start, PartnerChangeLog log) {
        int written = log.backfillIfEmpty();
        if (written > 0) {
            LOG.infof("Partner change log started from today's state: %d released cases written", written);
        }
    }
}
