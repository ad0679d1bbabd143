package org.dcis.cooperation.partner;

/** Why a case that a partner organisation could see no longer is. */
public enum WithdrawalReason {
    /** The case became {@code RESTRICTED}: lead post and headquarters only. */
    HANDLING_RESTRICTED,
    /** The organisation was taken out of the case's releasability. */
    RELEASABILITY_REMOVED,
    /** The case moved to another organisation's framework, or became bilateral. */
    ORGANISATION_CHANGED,
    /** The case no longer exists (cases are not deleted today; the reason is part of the contract). */
    CASE_DELETED
}
