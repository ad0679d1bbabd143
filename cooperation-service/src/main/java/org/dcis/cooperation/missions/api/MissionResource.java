package org.dcis.cooperation.missions.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.missions.MissionReport;
import org.dcis.cooperation.missions.MissionReports;
import org.dcis.cooperation.missions.MissionService;
import org.dcis.cooperation.missions.MissionTerms;
import org.dcis.cooperation.reference.IsoCountries;
import org.dcis.cooperation.reference.IsoCountry;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.ETags;
import org.dcis.platform.web.Params;
import org.dcis.platform.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The mission reference list: read by officers and HQ, kept by registry-admin. */
@Path("/missions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "missions")
public class MissionResource {
    private final MissionService missions;
    private final MissionReports reports;
    private final CurrentCaller caller;

    MissionResource(MissionService missions, MissionReports reports, CurrentCaller caller) {
        this.missions = missions;
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN })
    @Operation(summary = "Missions, filtered by organisation, host country or text; paged and sorted")
    public PageOf<MissionView> list(@QueryParam("organisation") String organisation,
            @QueryParam("country") String country, @QueryParam("text") String text,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return missions.list(Params.enumOf(Organisation.class, "organisation", organisation),
                IsoCountries.parameter("country", country), Params.text("text", text, 200),
                PageQuery.parse(page, size, sort, MissionService.SORTABLE, "code")).map(MissionView::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN })
    public Response get(@PathParam("code") String code) {
        Mission mission = missions.get(code);
        return Responses.ok(MissionView.of(mission), mission.version());
    }

    @GET
    @Path("/{code}/reports")
    @RolesAllowed({ Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN })
    @Operation(summary = "What the partner systems reported on the mission (mandate extended, suspended, ended), the"
            + " latest first")
    public List<MissionReport.View> reports(@PathParam("code") String code) {
        return reports.of(code);
    }

    @POST
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Add a mission to the reference list")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "mission", value = """
            {"code": "EUCAP-SOMALIA", "name": "EUCAP Somalia", "organisation": "EU", "hostCountries": ["SO"],
             "startsOn": "2012-07-16"}""")))
    public Response create(@Valid @NotNull NewMission request) {
        Mission mission = missions.create(caller.get(), request.code(), request.terms());
        return Responses.created(new Created<>(MissionView.of(mission), false), URI.create("/missions/" + mission.code()),
                mission.version());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Revise a mission (If-Match required)")
    public Response update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull MissionTerms terms) {
        Mission mission = missions.update(caller.get(), code, ETags.expectedVersion(ifMatch), terms);
        return Responses.ok(MissionView.of(mission), mission.version());
    }

    /** A new mission: its code and its terms. */
    public record NewMission(@NotNull @Pattern(regexp = Mission.CODE_PATTERN, message = "must be upper-case letters, digits and dashes") String code,
            @NotBlank @Size(max = 200) String name, @NotNull Organisation organisation,
            @NotEmpty @Size(max = 60) List<@NotNull @IsoCountry String> hostCountries, @NotNull LocalDate startsOn,
            LocalDate endsOn) {
        MissionTerms terms() {
            return new MissionTerms(name, organisation, hostCountries, startsOn, endsOn);
        }
    }

    public record MissionView(String code, String name, Organisation organisation, List<String> hostCountries,
            LocalDate startsOn, LocalDate endsOn, long version) {
        static MissionView of(Mission mission) {
            return new MissionView(mission.code(), mission.name(), mission.organisation(), mission.hostCountries(),
                    mission.startsOn(), mission.endsOn(), mission.version());
        }
    }
}
