package org.dcis.cooperation.missions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.audit.AuditTrail;
import org.dcis.platform.security.Caller;
import org.dcis.platform.time.SuiteCalendar;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Reports of partner mission systems on their missions: recorded, audited, read by headquarters. */
@ApplicationScoped
public class MissionReports implements PanacheRepositoryBase<MissionReport, UUID> {
    private final MissionService missions;
    private final AuditTrail audit;
    private final SuiteCalendar calendar;

    MissionReports(MissionService missions, AuditTrail audit, SuiteCalendar calendar) {
        this.missions = missions;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Records the report of the caller's organisation (the partner feature tells which it is). */
    @Transactional
    public MissionReport.View report(Caller caller, Organisation organisation, String code, MissionReportTerms terms) {
        MissionReport report = MissionReport.of(missions.get(code), organisation, terms, caller.username(),
                calendar.now());
        persist(report);
        MissionReport.View view = report.view();
        audit.record(caller, "mission.reported", "mission", code, null, view);
        return view;
    }

    /** Every report on a mission, the latest first. */
    public List<MissionReport.View> of(String code) {
        missions.get(code);
        return find("mission", Sort.by("reportedAt").descending().and("id"), code).stream().map(MissionReport::view)
                .toList();
    }

    /** One report on a mission; 404 for an unknown one or one on another mission. */
    public MissionReport.View get(String code, UUID id) {
        MissionReport report = findById(id);
        if (report == null || !report.view().mission().equals(code)) {
            throw new org.dcis.platform.problem.NotFound("report", id);
        }
        return report.view();
    }

    /** How many reports each mission that has one received. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Object[] row : getEntityManager().createQuery(
                "select r.mission, count(r) from MissionReport r group by r.mission", Object[].class).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The latest report on each mission that has one. */
    public Map<String, MissionReport.View> latest() {
        Map<String, MissionReport.View> latest = new java.util.TreeMap<>();
        for (MissionReport report : listAll(Sort.by("reportedAt").and("id"))) {
            latest.put(report.view().mission(), report.view());
        }
        return latest;
    }
}
