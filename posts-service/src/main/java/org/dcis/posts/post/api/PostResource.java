package org.dcis.posts.post.api;

import java.net.URI;
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

import org.dcis.platform.idempotency.IdempotencyKeys;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.time.SuiteCalendar;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.ETags;
import org.dcis.platform.web.Params;
import org.dcis.platform.web.Responses;
import org.dcis.posts.post.Contact;
import org.dcis.posts.post.Post;
import org.dcis.posts.post.PostFilter;
import org.dcis.posts.post.PostRegistry;
import org.dcis.posts.post.PostState;
import org.dcis.posts.post.PostStatus;
import org.dcis.posts.theme.Theme;
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
    private final PostRegistry registry;
    private final SuiteCalendar calendar;
    private final CurrentCaller caller;

    public PostResource(PostRegistry registry, SuiteCalendar calendar, CurrentCaller caller) {
        this.registry = registry;
        this.calendar = calendar;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List posts", description = "Filters: country (host or covered today), continent (UN M49 code or name),"
            + " status, theme (a current officer has this speciality), text (id, city, embassy). Sort by "
            + "id, city, hostCountry, status, openedOn, version.")
    public PageOf<PostView> list(@QueryParam("country") @Parameter(example = "SN") String country,
            @QueryParam("continent") @Parameter(example = "Africa") String continent,
            @QueryParam("status") @Parameter(example = "OPEN") String status,
            @QueryParam("theme") @Parameter(example = "CYBERCRIME") String theme,
            @QueryParam("text") @Parameter(example = "dakar") String text,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") @Parameter(example = "city,desc") String sort) {
        PostFilter filter = new PostFilter(Params.text("country", country, 3), Params.text("continent", continent, 40),
                Params.enumOf(PostStatus.class, "status", status), Params.enumOf(Theme.class, "theme", theme),
                Params.text("text", text, 100));
        return registry.search(filter, PageQuery.parse(page, size, sort, PostRegistry.SORTABLE, "id")).map(PostView::of);
    }

    @POST
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Open a post", description = "The post covers its host country and the listed countries from"
            + " openedOn (today when absent). A country already covered by another post is a 409 naming that post.")
    @APIResponse(responseCode = "201", description = "Opened, or an identical earlier request with the same"
            + " Idempotency-Key answered again (Idempotent-Replayed: true); Location and ETag set")
    @APIResponse(responseCode = "409", description = "The id exists or a country is covered by another post")
    @APIResponse(responseCode = "422", description = "A rule is broken, or the Idempotency-Key was used for another request")
    public Response open(@Valid @NotNull PostRequests.OpenPost request,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Your retries with the same key and body answer the"
                    + " first result; the same key with another body is a 422") String idempotencyKey) {
        Created<PostState> created = registry.open(caller.get(), request.terms(), idempotencyKey);
        PostState post = created.value();
        return Responses.created(new Created<>(PostView.of(post), created.replayed()), URI.create("/posts/" + post.id()),
                post.version());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One post", description = "The ETag is the post's version, to send back in If-Match")
    public Response get(@PathParam("id") @Parameter(example = "SN-DAKAR") String id) {
        return answer(registry.state(registry.require(id)));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Update a post's city, embassy and contact")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostRequests.UpdatePost request) {
        long version = ETags.expectedVersion(ifMatch);
        PostRequests.ContactDetails contact = request.contact();
        return answer(registry.update(caller.get(), id, version, request.city(), request.embassy(),
                contact == null ? null : new Contact(contact.email(), contact.phone())));
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Suspend, reopen or close a post", description = "Closing releases the post's coverage and"
            + " needs every assignment ended first")
    public Response changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostRequests.StatusChange request) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(registry.changeStatus(caller.get(), id, version, request.status(), request.on()));
    }

    @GET
    @Path("/{id}/coverage")
    @Operation(summary = "A post's coverage on a day (today by default) and its whole history")
    public Response coverage(@PathParam("id") String id, @QueryParam("on") @Parameter(example = "2024-01-31") String on) {
        LocalDate day = Params.date("on", on);
        Post post = registry.require(id);
        return Responses.ok(CoverageView.of(post, day == null ? calendar.today() : day), post.version());
    }

    @PUT
    @Path("/{id}/coverage")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    @Operation(summary = "Replace a post's coverage from a day", description = "Dropped countries stop being covered on"
            + " effectiveOn; added ones are claimed from it, and a country covered by another post is a 409 naming it")
    public Response changeCoverage(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostRequests.CoverageChange request) {
        long version = ETags.expectedVersion(ifMatch);
        Post post = registry.changeCoverage(caller.get(), id, version, request.countries(), request.effectiveOn());
        return Responses.ok(CoverageView.of(post, calendar.today()), post.version());
    }

    private static Response answer(PostState post) {
        return Responses.ok(PostView.of(post), post.version());
    }
}
