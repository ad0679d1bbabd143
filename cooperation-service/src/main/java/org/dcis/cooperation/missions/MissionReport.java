package org.dcis.cooperation.missions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.problem.AccessDenied;

/**
 * What a partner organisation's system reported on one of its own missions. It is a record of their word: it
 * changes neither the mission of the reference list nor any French case (registry administrators and officers
 * decide what follows from it).
 */
@Entity
@Table(name = "mission_report")
public class MissionReport {
    @Id
    private UUID id;
    @Column(name = "mission_code")
    private String mission;
    @Enumerated(EnumType.STRING)
    private Organisation organisation;
    @Enumerated(EnumType.STRING)
    private MissionReportKind kind;
    @Column(name = "effective_on")
    private LocalDate effectiveOn;
    private String note;
    @Column(name = "reported_by")
    private String reportedBy;
    @Column(name = "reported_at")
    private Instant reportedAt;

    protected MissionReport() {
    }

    /** A report of {@code organisation} on {@code mission}: only on a mission that organisation leads. */
    static MissionReport of(Mission mission, Organisation organisation, MissionReportTerms terms, String reportedBy,
            Instant now) {
        if (mission.organisation() != organisation) {
            throw new AccessDenied("a partner reports only on missions of its own organisation: " + mission.code()
                    + " is a mission of " + mission.organisation() + ", not of " + organisation);
        }
        MissionReport report = new MissionReport();
        report.id = UUID.randomUUID();
        report.mission = mission.code();
        report.organisation = organisation;
        report.kind = terms.kind();
        report.effectiveOn = terms.effectiveOn();
        report.note = terms.note() == null || terms.note().isBlank() ? null : terms.note().strip();
        report.reportedBy = reportedBy;
        report.reportedAt = now;
        return report;
    }

    public View view() {
        return new View(id, mission, organisation, kind, effectiveOn, note, reportedBy, reportedAt);
    }

    /** A report as the API returns it and the audit trail keeps it. */
    public record View(UUID id, String mission, Organisation organisation, MissionReportKind kind, LocalDate effectiveOn,
            String note, String reportedBy, Instant reportedAt) {
    }
}
