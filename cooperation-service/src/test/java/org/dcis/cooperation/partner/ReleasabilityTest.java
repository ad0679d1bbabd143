package org.dcis.cooperation.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Handling;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.reference.Organisation;
import org.junit.jupiter.api.Test;

/** The one rule of what a partner organisation sees, and why it stops seeing a case; plain objects. */
class ReleasabilityTest {
    private static final UUID ID = UUID.randomUUID();

    private static CaseSnapshot snapshot(Framework framework, Organisation organisation, Handling handling,
            List<Organisation> releasableTo) {
        return new CaseSnapshot(ID, "Case", null, framework, framework == Framework.BILATERAL ? "SN" : null,
                organisation, null, List.of(Theme.TERRORISM), null, "SN-DAKAR", List.of("SN"), handling, releasableTo,
                CaseStatus.OPEN, LocalDate.of(2025, 1, 1), null, "France's note", "someone", Instant.EPOCH,
                Instant.EPOCH, 1);
    }

    private static CaseSnapshot eu(Handling handling, List<Organisation> releasableTo) {
        return snapshot(Framework.MULTILATERAL, Organisation.EU, handling, releasableTo);
    }

    @Test
    void onlyAnInternalMultilateralCaseOfTheOrganisationNamingItIsReleased() {
        assertThat(Releasability.releasedTo(eu(Handling.INTERNAL, List.of(Organisation.EU)))).contains(Organisation.EU);
        assertThat(Releasability.releasedTo(eu(Handling.INTERNAL, List.of(Organisation.EU, Organisation.UN))))
                .contains(Organisation.EU);
        assertThat(Releasability.isReleasable(eu(Handling.INTERNAL, List.of(Organisation.EU, Organisation.UN)),
                Organisation.UN)).as("releasable to the UN, but an EU case").isFalse();
        assertThat(Releasability.releasedTo(eu(Handling.RESTRICTED, List.of(Organisation.EU)))).isEmpty();
        assertThat(Releasability.releasedTo(eu(Handling.INTERNAL, List.of()))).isEmpty();
        assertThat(Releasability.releasedTo(eu(Handling.INTERNAL, List.of(Organisation.UN)))).isEmpty();
        assertThat(Releasability.releasedTo(snapshot(Framework.BILATERAL, null, Handling.INTERNAL,
                List.of(Organisation.EU)))).isEmpty();
        assertThat(Releasability.releasedTo(null)).isEmpty();
    }

    @Test
    void everyWayOutOfARelease() {
        CaseSnapshot released = eu(Handling.INTERNAL, List.of(Organisation.EU));
        assertThat(Releasability.withdrawal(released, eu(Handling.RESTRICTED, List.of(Organisation.EU)), Organisation.EU))
                .isEqualTo(WithdrawalReason.HANDLING_RESTRICTED);
        assertThat(Releasability.withdrawal(released, eu(Handling.INTERNAL, List.of()), Organisation.EU))
                .isEqualTo(WithdrawalReason.RELEASABILITY_REMOVED);
        assertThat(Releasability.withdrawal(released, snapshot(Framework.MULTILATERAL, Organisation.UN,
                Handling.INTERNAL, List.of(Organisation.EU, Organisation.UN)), Organisation.EU))
                .isEqualTo(WithdrawalReason.ORGANISATION_CHANGED);
        assertThat(Releasability.withdrawal(released, snapshot(Framework.BILATERAL, null, Handling.INTERNAL,
                List.of(Organisation.EU)), Organisation.EU)).isEqualTo(WithdrawalReason.ORGANISATION_CHANGED);
        assertThat(Releasability.withdrawal(released, null, Organisation.EU)).isEqualTo(WithdrawalReason.CASE_DELETED);
        assertThat(Releasability.withdrawal(released, released, Organisation.EU)).as("still released").isNull();
        assertThat(Releasability.withdrawal(eu(Handling.RESTRICTED, List.of(Organisation.EU)),
                eu(Handling.RESTRICTED, List.of()), Organisation.EU)).as("never released").isNull();
        // the feeds' form: the organisation the case was last released to, and the case now
        assertThat(Releasability.withdrawal(Organisation.EU, eu(Handling.INTERNAL, List.of())))
                .isEqualTo(WithdrawalReason.RELEASABILITY_REMOVED);
    }
}
