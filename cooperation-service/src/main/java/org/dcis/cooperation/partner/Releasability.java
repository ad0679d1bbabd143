package org.dcis.cooperation.partner;

import java.util.Optional;

import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Handling;
import org.dcis.cooperation.reference.Organisation;

/**
 * Which partner organisation may see a case: only a multilateral case of that organisation, handled
 * {@code INTERNAL} and marked releasable to it. A {@code RESTRICTED} case is released to nobody, whatever its
 * releasability says. At most one organisation sees a case (the one leading its framework).
 */
public final class Releasability {
    private Releasability() {
    }

    public static boolean isReleasable(CaseSnapshot c, Organisation organisation) {
        return c != null && c.framework() == Framework.MULTILATERAL && c.organisation() == organisation
                && c.handling() == Handling.INTERNAL && c.releasableTo().contains(organisation);
    }

    /** The organisation the case is released to, if any. */
    public static Optional<Organisation> releasedTo(CaseSnapshot c) {
        return c != null && isReleasable(c, c.organisation()) ? Optional.of(c.organisation()) : Optional.empty();
    }

    /**
     * Why a case released to {@code organisation} before a change is no longer released after it; null when it
     * still is (or never was).
     */
    public static WithdrawalReason withdrawal(CaseSnapshot before, CaseSnapshot after, Organisation organisation) {
        if (!isReleasable(before, organisation) || isReleasable(after, organisation)) {
            return null;
        }
        if (after == null) {
            return WithdrawalReason.CASE_DELETED;
        }
        if (after.handling() != Handling.INTERNAL) {
            return WithdrawalReason.HANDLING_RESTRICTED;
        }
        if (after.framework() != Framework.MULTILATERAL || after.organisation() != organisation) {
            return WithdrawalReason.ORGANISATION_CHANGED;
        }
        return WithdrawalReason.RELEASABILITY_REMOVED;
    }
}
