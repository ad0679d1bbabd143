package org.dcis.cooperation.actions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Who took part: French experts deployed, partner officers involved and trained, partner agencies. */
public record Participants(
        @PositiveOrZero @Max(100000) Integer frenchExperts,
        @PositiveOrZero @Max(100000) Integer partnerOfficersInvolved,
        @PositiveOrZero @Max(100000) Integer partnerOfficersTrained,
        @Size(max = 500) String partnerAgencies) {

    static final Participants NONE = new Participants(0, 0, 0, null);
}
