package org.dcis.cooperation.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.ExpertiseSpeciality;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.reference.Organisation;

/**
 * A case as a partner organisation sees it: what the cooperation is about, never who wrote it (no personal
 * data: no author) nor France's internal notes (no expected return, no handling details). The same view in the
 * partner API, the partner feeds and the IATI export.
 */
public record PartnerCase(UUID id, String title, String summary, Organisation organisation, String mission,
        List<Theme> themes, ExpertiseSpeciality speciality, String leadPost, List<String> countries, CaseStatus status,
        LocalDate openedOn, LocalDate closedOn, Instant updatedAt, long version) {

    public static PartnerCase of(CaseSnapshot c) {
        return new PartnerCase(c.id(), c.title(), c.summary(), c.organisation(), c.mission(), c.themes(),
                c.speciality(), c.leadPost(), c.countries(), c.status(), c.openedOn(), c.closedOn(), c.updatedAt(),
                c.version());
    }
}
