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
        return isReleasable(before, organisation) ? withdrawal(organisation, after) : null;
    }

    /**
     * Why a case last released to {@code previous} is no longer released to it as {@code after} stands (null when
     * it still is): for a reader that keeps only the organisation a case was released to, not the whole case before
     * the change (the partner feeds). The one rule of the reasons, which the method above applies too.
     */
    public static WithdrawalReason withdrawal(Organisation previous, CaseSnapshot after) {
        if (isReleasable(after, previous)) {
            return null;
        }
        if (after == null) {
            return WithdrawalReason.CASE_DELETED;
        }
        if (after.handling() != Handling.INTERNAL) {
            return WithdrawalReason.HANDLING_RESTRICTED;
        }
        if (after.framework() != Framework.MULTILATERAL || after.organisation() != previous) {
            return WithdrawalReason.ORGANISATION_CHANGED;
        }
        return WithdrawalReason.RELEASABILITY_REMOVED;
    }
}
