package org.dcis.cooperation.actions.api;

import org.dcis.cooperation.reference.Continents;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import org.dcis.cooperation.actions.ActionFilter;
import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionService;
import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.ActionTerms;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.actions.StatusChange;
import org.dcis.cooperation.api.Ids;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.reference.IsoCountries;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.reference.FieldLengths;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.ETags;
import org.dcis.platform.web.Params;
import org.dcis.platform.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Actions across cases; they are logged through {@code POST /cases/{id}/actions} (CaseActionResource). */
@Path("/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "actions")
public class ActionResource {
    public static final String ACTION_EXAMPLE = """
            {
              "kind": "TECHNICAL",
              "type": "TRAINING",
              "title": "Maritime interdiction course for the Cape Verde Judicial Police",
              "description": "Boarding procedures and evidence handling at sea",
              "plannedStart": "2025-03-03",
              "plannedEnd": "2025-03-07",
              "place": {"country": "CV", "city": "Praia"},
              "participants": {"frenchExperts": 2, "partnerOfficersInvolved": 3, "partnerOfficersTrained": 18,
                               "partnerAgencies": "Polícia Judiciária"},
              "outcomes": [{"indicator": "PERSONS_TRAINED", "quantity": 18},
                           {"indicator": "SEIZURE", "quantity": 1.2, "unit": "t", "note": "cocaine, follow-up operation"}]
            }""";

    private final ActionService actions;
    private final CurrentCaller caller;

    ActionResource(ActionService actions, CurrentCaller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST })
    @Operation(summary = "Actions of the cases the caller may read, filtered, paged and sorted")
    public PageOf<ActionSnapshot> list(@QueryParam("case") String caseId, @QueryParam("kind") String kind,
            @QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("theme") String theme,
            @QueryParam("framework") String framework, @QueryParam("organisation") String organisation,
            @QueryParam("mission") String mission, @QueryParam("country") String country,
            @QueryParam("continent") String continent,
            @QueryParam("post") String post, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("text") String text, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range("from", fromDate, "to", toDate);
        ActionFilter filter = new ActionFilter(Params.uuid("case", caseId), Params.enumOf(ActionKind.class, "kind", kind),
                Params.enumOf(ActionType.class, "type", type), Params.enumOf(ActionStatus.class, "status", status),
                Params.enumOf(Theme.class, "theme", theme), Params.enumOf(Framework.class, "framework", framework),
                Params.enumOf(Organisation.class, "organisation", organisation), Params.text("mission", mission, 40),
                IsoCountries.parameter("country", country), Continents.parameter("continent", continent),
                Params.text("post", post, FieldLengths.POST_ID), fromDate, toDate,
                Params.text("text", text, 200));
        return actions.search(caller.get(), filter, PageQuery.parse(page, size, sort, ActionService.SORTABLE, "plannedStart"));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST })
    @Operation(summary = "One action, with its version as ETag")
    public Response get(@PathParam("id") String id) {
        ActionSnapshot found = actions.get(caller.get(), Ids.of("action", id));
        return Responses.ok(found, found.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Revise an action (full replacement; If-Match required); the status changes through /status")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "revision", value = ACTION_EXAMPLE)))
    public Response revise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ActionTerms terms) {
        ActionSnapshot revised = actions.revise(caller.get(), Ids.of("action", id), ETags.expectedVersion(ifMatch), terms);
        return Responses.ok(revised, revised.version());
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Move an action: PLANNED → IN_PROGRESS → COMPLETED, or CANCELLED with a reason (If-Match required)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "start", value = "{\"status\": \"IN_PROGRESS\", \"on\": \"2025-03-03\"}"),
            @ExampleObject(name = "cancel", value = "{\"status\": \"CANCELLED\", \"reason\": \"Partner service reorganised\"}") }))
    public Response changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StatusChange change) {
        ActionSnapshot changed = actions.changeStatus(caller.get(), Ids.of("action", id), ETags.expectedVersion(ifMatch), change);
        return Responses.ok(changed, changed.version());
    }
}
