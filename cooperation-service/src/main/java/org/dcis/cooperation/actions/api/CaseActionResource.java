package org.dcis.cooperation.actions.api;

import java.net.URI;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.dcis.cooperation.api.Ids;
import org.dcis.cooperation.reference.IsoCountries;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.Params;
import org.dcis.platform.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The actions of one case, under the case's path. Part of the actions feature, which depends on cases:
 * the cases feature knows nothing of actions.
 */
@Path("/cases/{id}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class CaseActionResource {
    private final ActionService actions;
    private final CurrentCaller caller;

    CaseActionResource(ActionService actions, CurrentCaller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST })
    @Operation(summary = "Actions of one case, filtered, paged and sorted")
    public PageOf<ActionSnapshot> list(@PathParam("id") String id, @QueryParam("kind") String kind,
            @QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("country") String country, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("text") String text, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range("from", fromDate, "to", toDate);
        ActionFilter filter = new ActionFilter(Ids.of("case", id), Params.enumOf(ActionKind.class, "kind", kind),
                Params.enumOf(ActionType.class, "type", type), Params.enumOf(ActionStatus.class, "status", status),
                null, null, null, null, IsoCountries.parameter("country", country), null, null, fromDate, toDate,
                Params.text("text", text, 200));
        return actions.search(caller.get(), filter, PageQuery.parse(page, size, sort, ActionService.SORTABLE, "plannedStart"));
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Log an action on an open case of the caller's post")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "training",
            value = ActionResource.ACTION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Logged")
    public Response log(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull ActionTerms terms) {
        Created<ActionSnapshot> created = actions.log(caller.get(), Ids.of("case", id), terms, idempotencyKey);
        return Responses.created(created, URI.create("/actions/" + created.value().id()), created.value().version());
    }
}
