package org.dcis.cooperation.missions;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.audit.AuditTrail;
import org.dcis.platform.paging.Filter;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.AccessDenied;
import org.dcis.platform.problem.Conflict;
import org.dcis.platform.problem.NotFound;
import org.dcis.platform.problem.Violation;
import org.dcis.platform.security.Caller;
import org.dcis.platform.time.SuiteCalendar;
import org.dcis.platform.web.ETags;

/** The mission reference list, kept by registry administrators and read by everyone here. */
@ApplicationScoped
public class MissionService {
    public static final Set<String> SORTABLE = Set.of("code", "name", "organisation", "startsOn", "endsOn");

    private final Missions missions;
    private final MissionReferences references;
    private final AuditTrail audit;
    private final SuiteCalendar calendar;

    MissionService(Missions missions, MissionReferences references, AuditTrail audit, SuiteCalendar calendar) {
        this.missions = missions;
        this.references = references;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Only registry administrators keep the mission list (officers and HQ read it). */
    static void requireKeeper(Caller caller) {
        if (!caller.isRegistryAdmin()) {
            throw new AccessDenied("only registry administrators manage missions");
        }
    }

    public Mission get(String code) {
        if (!Mission.isCode(code)) {
            throw new NotFound("mission", code);
        }
        return missions.findByIdOptional(code).orElseThrow(() -> new NotFound("mission", code));
    }

    @Transactional
    public Mission create(Caller caller, String code, MissionTerms terms) {
        requireKeeper(caller);
        if (missions.findById(code) != null) {
            throw new Conflict("mission " + code + " already exists");
        }
        Mission mission = Mission.create(code, terms, calendar.now());
        missions.persist(mission);
        missions.flush();
        audit.record(caller, "mission.created", "mission", code, null, terms);
        return mission;
    }

    /**
     * Revises a mission read with a row lock, so a concurrent revision waits and then finds its version gone (412).
     * Its organisation cannot change while cases refer to it (409): a multilateral case belongs to the
     * organisation of its mission. A case being opened or revised holds the mission with a share lock, so it is
     * either counted here or sees the new organisation.
     */
    @Transactional
    public Mission update(Caller caller, String code, long expectedVersion, MissionTerms terms) {
        requireKeeper(caller);
        if (!Mission.isCode(code)) {
            throw new NotFound("mission", code);
        }
        Mission mission = missions.findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("mission", code));
        ETags.require("mission " + code, expectedVersion, mission.version());
        if (terms.organisation() != mission.organisation()) {
            long cases = references.casesOf(code);
            if (cases > 0) {
                String reason = cases + " case(s) of " + mission.organisation() + " refer to mission " + code
                        + "; its organisation cannot change";
                throw new Conflict(reason, List.of(new Violation("organisation", reason)));
            }
        }
        MissionTerms before = new MissionTerms(mission.name(), mission.organisation(), mission.hostCountries(),
                mission.startsOn(), mission.endsOn());
        mission.revise(terms, calendar.now());
        missions.flush();
        audit.record(caller, "mission.updated", "mission", code, before, terms);
        return mission;
    }

    public PageOf<Mission> list(Organisation organisation, String country, String text, PageQuery page) {
        String words = text == null ? null : "%" + text.toLowerCase(Locale.ROOT) + "%";
        return Filter.where()
                .eq("organisation", organisation)
                .when(country, "array_contains(hostCountries, :country)", "country", country)
                .when(words, "(lower(name) like :text or lower(code) like :text)", "text", words)
                .page(missions, page, page.sort("code"));
    }
}
