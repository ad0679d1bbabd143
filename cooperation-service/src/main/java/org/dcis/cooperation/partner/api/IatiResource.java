package org.dcis.cooperation.partner.api;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.missions.Missions;
import org.dcis.cooperation.partner.IatiExport;
import org.dcis.cooperation.partner.PartnerFilter;
import org.dcis.cooperation.partner.PartnerOrganisations;
import org.dcis.cooperation.reference.IsoCountries;
import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The IATI 2.03 export of the partner API: the cases the calling partner system may see (the same set as
 * {@code /partner/v1/cases}, with the same filters), as one {@code iati-activities} document.
 */
@Path("/partner/v1/iati-activities")
@Tag(name = "partner")
@RolesAllowed({ Roles.PARTNER_EU, Roles.PARTNER_UN })
public class IatiResource {
    public static final String MEDIA_TYPE = "application/xml";
    static final int MAX_MISSION_CODE = 40;

    private final IatiExport export;
    private final Missions missions;
    private final CurrentCaller caller;

    IatiResource(IatiExport export, Missions missions, CurrentCaller caller) {
        this.export = export;
        this.missions = missions;
        this.caller = caller;
    }

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(summary = "The cases released to the caller's organisation as IATI 2.03 activities",
            description = "One iati-activity per case (identifier: the reporting organisation's IATI identifier, a"
                    + " hyphen, the case id), its actions' outcomes as results. A filter that matches nothing answers"
                    + " an empty iati-activities element.")
    @APIResponse(responseCode = "200", description = "An iati-activities document (IATI activity standard 2.03)",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response activities(
            @QueryParam("mission") @Parameter(description = "mission code, e.g. EUCAP-SAHEL-MALI") String mission,
            @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2, one of the case's countries") String country,
            @QueryParam("theme") String theme,
            @QueryParam("status") @Parameter(description = "OPEN or CLOSED") String status,
            @QueryParam("from") @Parameter(description = "opened on or after, e.g. 2025-01-01") String from,
            @QueryParam("to") @Parameter(description = "opened on or before, e.g. 2025-12-31") String to) {
        var organisation = PartnerOrganisations.of(caller.get());
        PartnerFilter filter = filter(mission, country, theme, status, from, to);
        return Response.ok(export.of(organisation, filter), MEDIA_TYPE + "; charset=UTF-8").build();
    }

    /** The partner filters, read as text: a bad value is a 400 naming its parameter, never a query. */
    private PartnerFilter filter(String mission, String country, String theme, String status, String from, String to) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range("from", fromDate, "to", toDate);
        String code = Params.text("mission", mission, MAX_MISSION_CODE);
        if (code != null) {
            code = code.strip();
            // A mission of another organisation is a known mission: its filter just matches no case.
            if (!Mission.isCode(code) || missions.findById(code) == null) {
                throw new InvalidParameter("mission", "unknown mission " + code);
            }
        }
        return new PartnerFilter(code, IsoCountries.parameter("country", country),
                Params.enumOf(Theme.class, "theme", theme), Params.enumOf(CaseStatus.class, "status", status),
                fromDate, toDate);
    }
}
