package org.dcis.posts.assignment.api;

import java.net.URI;
import java.util.UUID;

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

import org.dcis.platform.idempotency.IdempotencyKeys;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.NotFound;
import org.dcis.platform.reference.FieldLengths;
import org.dcis.platform.security.Caller;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.ETags;
import org.dcis.platform.web.Params;
import org.dcis.platform.web.Responses;
import org.dcis.posts.assignment.AssignmentFilter;
import org.dcis.posts.assignment.AssignmentRegistry;
import org.dcis.posts.assignment.AssignmentState;
import org.dcis.posts.assignment.Force;
import org.dcis.posts.assignment.OfficerRole;
import org.dcis.posts.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Officers posted to posts; names are personal data")
@RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN, Roles.PARTNER_EU, Roles.PARTNER_UN })
public class AssignmentResource {
    private final AssignmentRegistry assignments;
    private final CurrentCaller caller;

    public AssignmentResource(AssignmentRegistry assignments, CurrentCaller caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List assignments", description = "Filters: postId, officerId, country (covered by the post today),"
            + " continent (of the post's host country), force, role, theme (speciality), current, text. Sort by startsOn,"
            + " endsOn, postId, officerId, role.")
    public PageOf<AssignmentView> list(@QueryParam("postId") @Parameter(example = "SN-DAKAR") String postId,
            @QueryParam("officerId") String officerId,
            @QueryParam("country") @Parameter(example = "GM") String country,
            @QueryParam("continent") @Parameter(example = "002") String continent,
            @QueryParam("force") @Parameter(example = "GENDARMERIE_NATIONALE") String force,
            @QueryParam("role") @Parameter(example = "HEAD_OF_SERVICE") String role,
            @QueryParam("theme") @Parameter(example = "TERRORISM") String theme,
            @QueryParam("current") @Parameter(example = "true") String current,
            @QueryParam("text") String text,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") @Parameter(example = "startsOn,desc") String sort) {
        AssignmentFilter filter = new AssignmentFilter(Params.text("postId", postId, FieldLengths.POST_ID),
                Params.text("officerId", officerId, 32), Params.text("country", country, 3),
                Params.text("continent", continent, 40), Params.enumOf(Force.class, "force", force),
                Params.enumOf(OfficerRole.class, "role", role), Params.enumOf(Theme.class, "theme", theme),
                Params.bool("current", current), Params.text("text", text, 100));
        boolean personalData = personalData(caller.get());
        return assignments.search(filter, PageQuery.parse(page, size, sort, AssignmentRegistry.SORTABLE, "startsOn"),
                personalData).map(a -> AssignmentView.of(AssignmentState.of(a), personalData));
    }

    @POST
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Assign an officer to a post", description = "An officer has at most one current assignment;"
            + " a second one is a 409")
    @APIResponse(responseCode = "201", description = "Assigned, or an identical earlier request with the same"
            + " Idempotency-Key answered again (Idempotent-Replayed: true); Location and ETag set")
    @APIResponse(responseCode = "422", description = "A rule is broken, or the Idempotency-Key was used for another request")
    public Response assign(@Valid @NotNull AssignmentRequests.AssignOfficer request,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Your retries with the same key and body answer"
                    + " the first result; the same key with another body is a 422") String idempotencyKey) {
        Caller who = caller.get();
        Created<AssignmentState> created = assignments.assign(who, request.terms(), idempotencyKey);
        AssignmentState assignment = created.value();
        return Responses.created(new Created<>(AssignmentView.of(assignment, personalData(who)), created.replayed()),
                URI.create("/assignments/" + assignment.id()), assignment.version());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        AssignmentState assignment = AssignmentState.of(assignments.require(uuid(id)));
        return Responses.ok(AssignmentView.of(assignment, personalData(caller.get())), assignment.version());
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "End an assignment (the officer left the post)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    public Response end(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid AssignmentRequests.EndAssignment request) {
        UUID assignmentId = uuid(id);
        long version = ETags.expectedVersion(ifMatch);
        Caller who = caller.get();
        AssignmentState assignment = assignments.end(who, assignmentId, version, request == null ? null : request.endsOn());
        return Responses.ok(AssignmentView.of(assignment, personalData(who)), assignment.version());
    }

    private static boolean personalData(Caller caller) {
        return caller.isAnalyst() || caller.isRegistryAdmin();
    }

    /** An id that is no UUID names no assignment: a 404, as for any unknown id. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("assignment", id);
        }
    }
}
