package org.dcis.cooperation.directory.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.dcis.cooperation.directory.DirectoryPost;
import org.dcis.cooperation.directory.PostDirectory;
import org.dcis.cooperation.reference.IsoCountries;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.NotFound;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The local directory of posts, as fed by dcis.posts.v1 (read-only here). */
@Path("/directory/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "directory")
@RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN })
public class DirectoryResource {
    private final PostDirectory directory;

    DirectoryResource(PostDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(summary = "Posts known here, filtered by covered country or status; paged and sorted")
    public PageOf<PostView> list(@QueryParam("country") String country, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return directory.list(IsoCountries.parameter("country", country), Params.text("status", status, 20),
                PageQuery.parse(page, size, sort, PostDirectory.SORTABLE, "id")).map(PostView::of);
    }

    @GET
    @Path("/{id}")
    public PostView get(@PathParam("id") String id) {
        return directory.find(id).map(PostView::of).orElseThrow(() -> new NotFound("post", id));
    }

    public record PostView(String id, String hostCountry, String city, String embassy, String status,
            LocalDate openedOn, LocalDate closedOn, List<String> coverage, int officerCount,
            Map<String, Long> officersByForce, Map<String, Long> officersByRole, long version,
            String lastEventId, Instant updatedAt) {
        static PostView of(DirectoryPost post) {
            return new PostView(post.id(), post.hostCountry(), post.city(), post.embassy(), post.status(),
                    post.openedOn(), post.closedOn(), post.coverage(), post.officerCount(),
                    new TreeMap<>(post.officersByForce()), new TreeMap<>(post.officersByRole()), post.version(),
                    post.lastEventId(), post.updatedAt());
        }
    }
}
