package org.dcis.cooperation.missions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.audit.AuditLog;
import org.dcis.cooperation.shared.Caller;
import org.dcis.cooperation.shared.Conflict;
import org.dcis.cooperation.shared.NotFound;
import org.dcis.cooperation.shared.Organisation;
import org.dcis.cooperation.shared.PageOf;
import org.dcis.cooperation.shared.PageQuery;
import org.dcis.cooperation.shared.Versions;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The mission reference list, kept by registry administrators and read by everyone here. */
@ApplicationScoped
public class MissionService {
    public static final Set<String> SORTABLE = Set.of("code", "name", "organisation", "startsOn", "endsOn");

    private final Missions missions;
    private final AuditLog audit;
    private final Clock clock;

    MissionService(Missions missions, AuditLog audit, Clock clock) {
        this.missions = missions;
        this.audit = audit;
        this.clock = clock;
    }

    public Mission get(String code) {
        return missions.findByIdOptional(code).orElseThrow(() -> new NotFound("mission", code));
    }

    @Transactional
    public Mission create(Caller caller, String code, MissionTerms terms) {
        caller.requireRegistryAdmin();
        if (missions.findById(code) != null) {
            throw new Conflict("mission " + code + " already exists");
        }
        Mission mission = Mission.create(code, terms, clock.instant());
        missions.persist(mission);
        missions.flush();
        audit.record(caller, "mission.created", "mission", code, null, terms);
        return mission;
    }

    @Transactional
    public Mission update(Caller caller, String code, long expectedVersion, MissionTerms terms) {
        caller.requireRegistryAdmin();
        Mission mission = get(code);
        Versions.require(expectedVersion, mission.version());
        MissionTerms before = new MissionTerms(mission.name(), mission.organisation(), mission.hostCountries(),
                mission.startsOn(), mission.endsOn());
        mission.revise(terms, clock.instant());
        missions.flush();
        audit.record(caller, "mission.updated", "mission", code, before, terms);
        return mission;
    }

    public PageOf<Mission> list(Organisation organisation, String country, String text, PageQuery page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (organisation != null) {
            where.add("organisation = :organisation");
            params.put("organisation", organisation);
        }
        if (country != null) {
            where.add("array_contains(hostCountries, :country)");
            params.put("country", country);
        }
        if (text != null && !text.isBlank()) {
            where.add("(lower(name) like :text or lower(code) like :text)");
            params.put("text", "%" + text.toLowerCase() + "%");
        }
        Sort sort = Sort.by(page.sortField(), page.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending).and("code");
        var query = where.isEmpty() ? missions.findAll(sort) : missions.find(String.join(" and ", where), sort, params);
        query.page(Page.of(page.page(), page.size()));
        return new PageOf<>(query.list(), page.page(), page.size(), query.count());
    }
}
