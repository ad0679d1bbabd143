package org.dcis.posts.post;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

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

import org.dcis.posts.RegistryClock;
import org.dcis.posts.assignment.Theme;
import org.dcis.posts.idempotency.IdempotencyKeys;
import org.dcis.posts.web.ETags;
import org.dcis.posts.web.PageRequest;
import org.dcis.posts.web.PageView;
import org.dcis.posts.web.QueryParams;
import org.dcis.posts.web.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "Internal-security services in embassies, their status and coverage")
@RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN, Roles.PARTNER_EU, Roles.PARTNER_UN })
public class PostResource {
    private static final List<String> SORTABLE = List.of("id", "city", "hostCountry", "status", "openedOn", "version");

    private final PostRegistry registry;
    private final RegistryClock clock;
    private final IdempotencyKeys idempotency;

    public PostResource(PostRegistry registry, RegistryClock clock, IdempotencyKeys idempotency) {
        this.registry = registry;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List posts", description = "Filters: country (host or covered today), continent (UN M49 code or name),"
            + " status, theme (a current officer has this speciality), text (id, city, embassy). Sort by "
            + "id, city, hostCountry, status, openedOn, version.")
    public PageView<PostView> list(@QueryParam("country") @Parameter(example = "SN") String country,
            @QueryParam("continent") @Parameter(example = "Africa") String continent,
            @QueryParam("status") @Parameter(example = "OPEN") String status,
            @QueryParam("theme") @Parameter(example = "CYBERCRIME") String theme,
            @QueryParam("text") @Parameter(example = "dakar") String text,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") @Parameter(example = "city,desc") String sort) {
        PostFilter filter = new PostFilter(QueryParams.text(country, "country", 3), QueryParams.text(continent, "continent", 40),
                QueryParams.enumValue(PostStatus.class, status, "status"), QueryParams.enumValue(Theme.class, theme, "theme"),
                QueryParams.text(text, "text", 100));
        return registry.search(filter, PageRequest.of(page, size, sort, SORTABLE, "id"));
    }

    @POST
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Open a post", description = "The post covers its host country and the listed countries from"
            + " openedOn. A country already covered by another post is a 409 naming that post.")
    @APIResponse(responseCode = "201", description = "Opened; Location and ETag set")
    @APIResponse(responseCode = "409", description = "The id exists or a country is covered by another post")
    public Response open(@Valid @NotNull PostRequests.OpenPost request,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Retries with the same key return the first result") String idempotencyKey) {
        String id = idempotency.once("open-post", idempotencyKey, () -> registry.open(request).id());
        Post post = registry.require(id);
        return Response.created(URI.create("/posts/" + id)).tag(ETags.of(post.version())).entity(registry.view(post)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One post", description = "The ETag is the post's version, to send back in If-Match")
    public Response get(@PathParam("id") @Parameter(example = "SN-DAKAR") String id) {
        Post post = registry.require(id);
        return Response.ok(registry.view(post)).tag(ETags.of(post.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Update a post's city, embassy and contact")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostRequests.UpdatePost request) {
        return answer(registry.update(id, ETags.version(ifMatch), request));
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Suspend, reopen or close a post", description = "Closing releases the post's coverage and"
            + " needs every assignment ended first")
    public Response changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostRequests.StatusChange request) {
        return answer(registry.changeStatus(id, ETags.version(ifMatch), request));
    }

    @GET
    @Path("/{id}/coverage")
    @Operation(summary = "A post's coverage on a day (today by default) and its whole history")
    public Response coverage(@PathParam("id") String id, @QueryParam("on") @Parameter(example = "2024-01-31") String on) {
        LocalDate day = QueryParams.date(on, "on");
        Post post = registry.require(id);
        return Response.ok(CoverageView.of(post, day == null ? clock.today() : day)).tag(ETags.of(post.version())).build();
    }

    @PUT
    @Path("/{id}/coverage")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Replace a post's coverage from a day", description = "Dropped countries stop being covered on"
            + " effectiveOn; added ones are claimed from it, and a country covered by another post is a 409 naming it")
    public Response changeCoverage(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostRequests.CoverageChange request) {
        Post post = registry.changeCoverage(id, ETags.version(ifMatch), request);
        return Response.ok(CoverageView.of(post, clock.today())).tag(ETags.of(post.version())).build();
    }

    private Response answer(Post post) {
        return Response.ok(registry.view(post)).tag(ETags.of(post.version())).build();
    }
}
