package org.dcis.cooperation.partner;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.cooperation.actions.Actions;
import org.dcis.cooperation.actions.CooperationAction;
import org.dcis.cooperation.cases.Cases;
import org.dcis.cooperation.cases.CooperationCase;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Handling;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.paging.Filter;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.NotFound;

import io.quarkus.panache.common.Sort;

/**
 * What a partner organisation may read now: the cases released to it ({@link Releasability}, here as a query)
 * and their actions. A case it may not see is unknown to it (404), whether it exists or not.
 */
@ApplicationScoped
public class PartnerCases {
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("openedOn", "closedOn", "title", "status",
            "updatedAt");

    private final Cases cases;
    private final Actions actions;

    PartnerCases(Cases cases, Actions actions) {
        this.cases = cases;
        this.actions = actions;
    }

    public PageOf<PartnerCase> search(Organisation organisation, PartnerFilter filter, PageQuery page) {
        return released(organisation, filter)
                .page(cases, page, page.sort("id"))
                .map(c -> PartnerCase.of(c.snapshot()));
    }

    /** Every case released to the organisation, oldest first (the IATI export: a few thousand at most). */
    public List<PartnerCase> all(Organisation organisation, PartnerFilter filter) {
        return released(organisation, filter)
                .list(cases, Sort.by("openedOn").and("id"))
                .stream().map(c -> PartnerCase.of(c.snapshot())).toList();
    }

    public PartnerCase get(Organisation organisation, UUID id) {
        CooperationCase found = cases.findById(id);
        if (found == null || !Releasability.isReleasable(found.snapshot(), organisation)) {
            throw new NotFound("case", id);
        }
        return PartnerCase.of(found.snapshot());
    }

    /** The actions of a case released to the organisation, in the order they are planned. */
    public List<PartnerAction> actions(Organisation organisation, UUID caseId) {
        get(organisation, caseId);
        return actionsOf(caseId);
    }

    /** The actions of the cases given, by case (the IATI export), in one query. */
    public Map<UUID, List<PartnerAction>> actionsOf(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return actions.find("caseId in ?1", Sort.by("plannedStart").and("id"), caseIds).stream()
                .map(a -> PartnerAction.of(a.snapshot()))
                .collect(java.util.stream.Collectors.groupingBy(PartnerAction::caseId,
                        java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
    }

    List<PartnerAction> actionsOf(UUID caseId) {
        return actions.find("caseId", Sort.by("plannedStart").and("id"), caseId).stream()
                .map((CooperationAction a) -> PartnerAction.of(a.snapshot())).toList();
    }

    private static Filter released(Organisation organisation, PartnerFilter filter) {
        String theme = filter.theme() == null ? null : filter.theme().name();
        return Filter.where().and("framework = :multilateral and organisation = :organisation and handling = :internal"
                + " and array_contains(releasableTo, :releasable)", Map.of("multilateral", Framework.MULTILATERAL,
                        "organisation", organisation, "internal", Handling.INTERNAL, "releasable", organisation.name()))
                .eq("mission", filter.mission())
                .eq("status", filter.status())
                .when(theme, "array_contains(themes, :theme)", "theme", theme)
                .when(filter.country(), "array_contains(countries, :country)", "country", filter.country())
                .when(filter.from(), "openedOn >= :from", "from", filter.from())
                .when(filter.to(), "openedOn <= :to", "to", filter.to());
    }
}
