package org.dcis.cooperation.partner;

import java.time.Instant;
import java.util.UUID;

/** A case a partner could see and no longer may: its id, when and why, never its content. */
public record Withdrawal(UUID caseId, Instant withdrawnAt, WithdrawalReason reason) {
}
