package org.dcis.posts.assignment;

import java.net.URI;
import java.util.List;
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

import org.dcis.posts.idempotency.IdempotencyKeys;
import org.dcis.posts.rules.RegistryException;
import org.dcis.posts.web.ETags;
import org.dcis.posts.web.PageRequest;
import org.dcis.posts.web.PageView;
import org.dcis.posts.web.QueryParams;
import org.dcis.posts.web.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Officers posted to posts; names are personal data")
@RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN, Roles.PARTNER_EU, Roles.PARTNER_UN })
public class AssignmentResource {
    private static final List<String> SORTABLE = List.of("startsOn", "endsOn", "postId", "officerId", "role");

    private final AssignmentRegistry assignments;
    private final SecurityIdentity identity;
    private final IdempotencyKeys idempotency;

    public AssignmentResource(AssignmentRegistry assignments, SecurityIdentity identity, IdempotencyKeys idempotency) {
        this.assignments = assignments;
        this.identity = identity;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List assignments", description = "Filters: postId, officerId, country (covered by the post today),"
            + " continent (of the post's host country), force, role, theme (speciality), current, text. Sort by startsOn,"
            + " endsOn, postId, officerId, role.")
    public PageView<AssignmentView> list(@QueryParam("postId") @Parameter(example = "SN-DAKAR") String postId,
            @QueryParam("officerId") String officerId,
            @QueryParam("country") @Parameter(example = "GM") String country,
            @QueryParam("continent") @Parameter(example = "002") String continent,
            @QueryParam("force") @Parameter(example = "GENDARMERIE_NATIONALE") String force,
            @QueryParam("role") @Parameter(example = "HEAD_OF_SERVICE") String role,
            @QueryParam("theme") @Parameter(example = "TERRORISM") String theme,
            @QueryParam("current") @Parameter(example = "true") String current,
            @QueryParam("text") String text,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") @Parameter(example = "startsOn,desc") String sort) {
        AssignmentFilter filter = new AssignmentFilter(QueryParams.text(postId, "postId", 48),
                QueryParams.text(officerId, "officerId", 32), QueryParams.text(country, "country", 3),
                QueryParams.text(continent, "continent", 40), QueryParams.enumValue(Force.class, force, "force"),
                QueryParams.enumValue(OfficerRole.class, role, "role"), QueryParams.enumValue(Theme.class, theme, "theme"),
                QueryParams.bool(current, "current"), QueryParams.text(text, "text", 100));
        return assignments.search(filter, PageRequest.of(page, size, sort, SORTABLE, "startsOn"), personalData());
    }

    @POST
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Assign an officer to a post", description = "An officer has at most one current assignment;"
            + " a second one is a 409")
    @APIResponse(responseCode = "201", description = "Assigned; Location and ETag set")
    public Response assign(@Valid @NotNull AssignmentRequests.AssignOfficer request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UUID id = UUID.fromString(idempotency.once("assign-officer", idempotencyKey,
                () -> assignments.assign(request).id().toString()));
        Assignment assignment = assignments.require(id);
        return Response.created(URI.create("/assignments/" + id)).tag(ETags.of(assignment.version()))
                .entity(AssignmentView.of(assignment, personalData())).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        Assignment assignment = assignments.require(uuid(id));
        return Response.ok(AssignmentView.of(assignment, personalData())).tag(ETags.of(assignment.version())).build();
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "End an assignment (the officer left the post)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    public Response end(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid AssignmentRequests.EndAssignment request) {
        Assignment assignment = assignments.end(uuid(id), ETags.version(ifMatch), request);
        return Response.ok(AssignmentView.of(assignment, personalData())).tag(ETags.of(assignment.version())).build();
    }

    private boolean personalData() {
        return identity.hasRole(Roles.HQ_ANALYST) || identity.hasRole(Roles.REGISTRY_ADMIN);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RegistryException.notFound("no assignment " + id);
        }
    }
}
