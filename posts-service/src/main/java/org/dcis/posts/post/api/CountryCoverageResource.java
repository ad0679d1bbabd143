package org.dcis.posts.post.api;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.dcis.platform.problem.NotFound;
import org.dcis.platform.security.Roles;
import org.dcis.platform.time.SuiteCalendar;
import org.dcis.platform.web.Params;
import org.dcis.posts.country.Country;
import org.dcis.posts.country.CountryCatalog;
import org.dcis.posts.post.CoveragePeriod;
import org.dcis.posts.post.PostRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who covers a country: answered by the post feature, which keeps coverage and its history, under the
 * country's path. The country catalogue itself knows nothing of posts.
 */
@Path("/countries/{code}/post")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Countries")
@RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN, Roles.PARTNER_EU, Roles.PARTNER_UN })
public class CountryCoverageResource {
    private final CountryCatalog catalog;
    private final PostRegistry posts;
    private final SuiteCalendar calendar;

    public CountryCoverageResource(CountryCatalog catalog, PostRegistry posts, SuiteCalendar calendar) {
        this.catalog = catalog;
        this.posts = posts;
        this.calendar = calendar;
    }

    @GET
    @Operation(summary = "Who covers this country", description = "Today, or on the day given by ?on=YYYY-MM-DD. "
            + "404 when no post covered it that day.")
    public CountryCoverageView coveringPost(@PathParam("code") String code,
            @QueryParam("on") @Parameter(example = "2020-01-31") String on) {
        Country country = catalog.get(code);
        LocalDate day = Params.date("on", on);
        LocalDate when = day == null ? calendar.today() : day;
        CoveragePeriod period = posts.coveringOn(country.code(), when).orElseThrow(() -> new NotFound(
                "no post covered " + country.code() + " on " + when));
        return new CountryCoverageView(country.code(), when, period.postId(), period.validFrom(), period.validTo(),
                PostView.of(posts.state(posts.require(period.postId()))));
    }
}
