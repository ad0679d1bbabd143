package org.dcis.cooperation.partner.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.dcis.cooperation.api.Ids;
import org.dcis.cooperation.missions.MissionReport;
import org.dcis.cooperation.missions.MissionReportTerms;
import org.dcis.cooperation.missions.MissionReports;
import org.dcis.cooperation.partner.PartnerAction;
import org.dcis.cooperation.partner.PartnerCase;
import org.dcis.cooperation.partner.PartnerCases;
import org.dcis.cooperation.partner.PartnerFilter;
import org.dcis.cooperation.partner.PartnerOrganisations;
import org.dcis.cooperation.partner.PartnerSync;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.security.Caller;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.Params;
import org.dcis.platform.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The partner API, for the systems of EU and UN missions (client-credentials tokens with role partner-eu or
 * partner-un): the multilateral cases of the caller's organisation that are released to it, their actions, an
 * incremental sync, and reports on the organisation's own missions. Nothing here names a person or carries an
 * internal note.
 */
@Path("/partner/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "partner")
@RolesAllowed({ Roles.PARTNER_EU, Roles.PARTNER_UN })
public class PartnerResource {
    private final PartnerCases cases;
    private final PartnerSync sync;
    private final MissionReports reports;
    private final PartnerFilters filters;
    private final CurrentCaller caller;

    PartnerResource(PartnerCases cases, PartnerSync sync, MissionReports reports, PartnerFilters filters,
            CurrentCaller caller) {
        this.filters = filters;
        this.cases = cases;
        this.sync = sync;
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/cases")
    @Operation(summary = "The cases released to the caller's organisation, filtered, paged and sorted")
    public PageOf<PartnerCase> list(@jakarta.ws.rs.BeanParam PartnerFilters.Query query,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @Parameter(description = "openedOn, closedOn, title, status, updatedAt; append ,desc")
            @QueryParam("sort") String sort) {
        PartnerFilter filter = filters.read(query);
        return cases.search(organisation(), filter,
                PageQuery.parse(page, size, sort, PartnerCases.SORTABLE, "openedOn,desc"));
    }

    @GET
    @Path("/cases/{id}")
    @Operation(summary = "One case released to the caller's organisation (404 for any other)")
    public Response get(@PathParam("id") String id) {
        PartnerCase found = cases.get(organisation(), Ids.of("case", id));
        return Responses.ok(found, found.version());
    }

    @GET
    @Path("/cases/{id}/actions")
    @Operation(summary = "The actions logged on a case released to the caller's organisation, with their outcomes")
    public List<PartnerAction> actions(@PathParam("id") String id) {
        return cases.actions(organisation(), Ids.of("case", id));
    }

    @GET
    @Path("/changes")
    @Operation(summary = "Incremental sync: what changed after a cursor, in a stable order",
            description = "Start without updatedSince, then give the nextCursor of each answer. Every change of a case"
                    + " or action released to the caller's organisation is returned once, in the order of the log,"
                    + " with the partner view as data; a case that stops being released comes as case.withdrawn"
                    + " (id, time, reason) without its content. more=true: ask again at once.")
    public PartnerSync.Changes changes(
            @Parameter(description = "the nextCursor of the previous answer; absent: from the start")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "at most this many changes (1-1000, default 100)") @QueryParam("size") String size) {
        return sync.after(organisation(), Params.text("updatedSince", updatedSince, 40), size(size));
    }

    @GET
    @Path("/missions/{code}/reports")
    @Operation(summary = "The reports made on a mission of the caller's organisation, the latest first")
    public List<MissionReport.View> reports(@PathParam("code") String code) {
        Organisation organisation = organisation();
        return reports.of(code).stream().filter(r -> r.organisation() == organisation).toList();
    }

    @GET
    @Path("/missions/{code}/reports/{id}")
    @Operation(summary = "One report of the caller's organisation")
    public MissionReport.View report(@PathParam("code") String code, @PathParam("id") String id) {
        MissionReport.View found = reports.get(code, Ids.of("report", id));
        if (found.organisation() != organisation()) {
            throw new org.dcis.platform.problem.NotFound("report", found.id());
        }
        return found;
    }

    @POST
    @Path("/missions/{code}/reports")
    @Operation(summary = "Report on a mission of the caller's organisation: mandate extended, suspended or ended",
            description = "Recorded and audited, read by headquarters; it changes no case by itself. A report on a"
                    + " mission of another organisation is refused (403).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "extension",
            value = """
                    {"kind": "MANDATE_EXTENDED", "effectiveOn": "2027-06-30",
                     "note": "Council decision extends the mandate by two years"}""")))
    public Response report(@PathParam("code") String code, @Valid @NotNull MissionReportTerms terms) {
        Caller who = caller.get();
        MissionReport.View report = reports.report(who, PartnerOrganisations.of(who), code, terms);
        return Responses.created(new Created<>(report, false),
                URI.create("/partner/v1/missions/" + code + "/reports/" + report.id()), 1);
    }

    private Organisation organisation() {
        return PartnerOrganisations.of(caller.get());
    }

    private static int size(String size) {
        if (size == null || size.isBlank()) {
            return PartnerSync.DEFAULT_SIZE;
        }
        try {
            int value = Integer.parseInt(size.strip());
            if (value >= 1 && value <= PartnerSync.MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, with the one message
        }
        throw new InvalidParameter("size", "must be a whole number from 1 to " + PartnerSync.MAX_SIZE);
    }
}
