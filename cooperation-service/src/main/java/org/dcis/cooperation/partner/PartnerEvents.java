package org.dcis.cooperation.partner;

import java.util.Map;

import org.dcis.cooperation.reference.Organisation;

/**
 * The vocabulary partners read, in the sync API and on the partner topics alike: the types of
 * dcis.cooperation.v1 for what they may see ({@code case.opened}, {@code case.updated}, {@code case.closed},
 * {@code action.logged}, {@code action.updated}, {@code action.status-changed}: a partner view as data), and
 * {@link #WITHDRAWN} for a case they may no longer see.
 */
public final class PartnerEvents {
    public static final String WITHDRAWN = "case.withdrawn";
    /** One topic per partner organisation, so that each reads only its own (docs/asyncapi.yaml). */
    public static final Map<Organisation, String> TOPICS = Map.of(Organisation.EU, "dcis.partner.eu.v1",
            Organisation.UN, "dcis.partner.un.v1");

    private PartnerEvents() {
    }
}
