package org.dcis.cooperation.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dcis.cooperation.reference.Organisation;

/** A case as the API returns it and as the case events carry it. */
public record CaseSnapshot(UUID id, String title, String summary, Framework framework, String partnerCountry,
        Organisation organisation, String mission, List<Theme> themes, ExpertiseSpeciality speciality, String leadPost,
        List<String> countries, Handling handling, List<Organisation> releasableTo, CaseStatus status,
        LocalDate openedOn, LocalDate closedOn, String expectedReturn, String createdBy, Instant createdAt,
        Instant updatedAt, long version) {
}
