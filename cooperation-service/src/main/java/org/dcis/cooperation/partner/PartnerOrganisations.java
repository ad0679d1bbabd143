package org.dcis.cooperation.partner;

import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.problem.AccessDenied;
import org.dcis.platform.security.Caller;
import org.dcis.platform.security.Roles;

/**
 * The organisation a partner system speaks for, from its token's realm role: {@code partner-eu} is the EU,
 * {@code partner-un} the UN. Fails closed: any other caller, or a token holding both roles (whose organisation
 * cannot be told), gets a 403.
 */
public final class PartnerOrganisations {
    private PartnerOrganisations() {
    }

    public static Organisation of(Caller caller) {
        boolean eu = caller.has(Roles.PARTNER_EU);
        boolean un = caller.has(Roles.PARTNER_UN);
        if (eu == un) {
            throw new AccessDenied(eu ? "a partner token speaks for one organisation, not two"
                    : "the partner API serves the systems of partner organisations only (roles partner-eu, partner-un)");
        }
        return eu ? Organisation.EU : Organisation.UN;
    }
}
