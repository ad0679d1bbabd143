package org.dcis.cooperation.cases.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

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

import org.dcis.cooperation.api.Ids;
import org.dcis.cooperation.cases.CaseActivity;
import org.dcis.cooperation.cases.CaseClosure;
import org.dcis.cooperation.cases.CaseFilter;
import org.dcis.cooperation.cases.CaseService;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.CaseTerms;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Handling;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.reference.IsoCountries;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.reference.FieldLengths;
import org.dcis.platform.problem.ProblemType;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.ETags;
import org.dcis.platform.web.Params;
import org.dcis.platform.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cooperation cases: officers of the lead post write them, officers and HQ read them. The actions of a
 * case ({@code /cases/{id}/actions}) are the actions feature's (CaseActionResource).
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class CaseResource {
    static final String CASE_EXAMPLE = """
            {
              "title": "Cocaine routes through Cape Verde",
              "summary": "Support to the Judicial Police on maritime cocaine trafficking",
              "framework": "BILATERAL",
              "partnerCountry": "CV",
              "themes": ["DRUG_TRAFFICKING", "ORGANISED_CRIME"],
              "leadPost": "SN-DAKAR",
              "countries": ["SN"],
              "handling": "INTERNAL",
              "releasableTo": ["EU"],
              "openedOn": "2025-01-15",
              "expectedReturn": "Fewer shipments reaching French ports"
            }""";
    static final String MULTILATERAL_EXAMPLE = """
            {
              "title": "Judicial investigation training with EUCAP Sahel Mali",
              "framework": "MULTILATERAL",
              "organisation": "EU",
              "mission": "EUCAP-SAHEL-MALI",
              "themes": ["EXPERTISE_EXPORT", "TERRORISM"],
              "speciality": "JUDICIAL_INVESTIGATION",
              "leadPost": "SN-DAKAR",
              "countries": ["ML"],
              "handling": "RESTRICTED",
              "releasableTo": ["EU"]
            }""";

    /** The 422 of a partner country outside the lead post's coverage, with its type from the platform's list. */
    static final String COVERAGE_PROBLEM = "{\"type\": \"" + ProblemType.BASE + "rule-broken\", "
            + "\"title\": \"Request breaks a rule\", \"status\": 422, "
            + "\"detail\": \"partner country ML is not covered by lead post SN-DAKAR (coverage [CV, GM, GW, SN])\", "
            + "\"instance\": \"/cases\", \"violations\": [{\"field\": \"partnerCountry\", "
            + "\"message\": \"partner country ML is not covered by lead post SN-DAKAR (coverage [CV, GM, GW, SN])\"}]}";

    private final CaseService cases;
    private final CaseActivity activity;
    private final CurrentCaller caller;

    CaseResource(CaseService cases, CaseActivity activity, CurrentCaller caller) {
        this.cases = cases;
        this.activity = activity;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST })
    @Operation(summary = "Cases the caller may read, filtered, paged and sorted")
    public PageOf<CaseSnapshot> list(@QueryParam("theme") String theme, @QueryParam("kind") String kind,
            @QueryParam("framework") String framework, @QueryParam("organisation") String organisation,
            @QueryParam("mission") String mission, @QueryParam("country") String country,
            @QueryParam("post") String post, @QueryParam("status") String status,
            @QueryParam("handling") String handling,
            @Parameter(description = "opened on or after") @QueryParam("from") String from,
            @Parameter(description = "opened on or before") @QueryParam("to") String to,
            @Parameter(description = "words of the title, summary or expected return") @QueryParam("text") String text,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @Parameter(description = "openedOn, closedOn, title, status, leadPost, createdAt, updatedAt; append ,desc")
            @QueryParam("sort") String sort) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range("from", fromDate, "to", toDate);
        CaseFilter filter = new CaseFilter(Params.enumOf(Theme.class, "theme", theme),
                activity.withActionsOfKind("kind", kind).orElse(null),
                Params.enumOf(Framework.class, "framework", framework),
                Params.enumOf(Organisation.class, "organisation", organisation), Params.text("mission", mission, 40),
                IsoCountries.parameter("country", country), Params.text("post", post, FieldLengths.POST_ID),
                Params.enumOf(CaseStatus.class, "status", status), Params.enumOf(Handling.class, "handling", handling),
                fromDate, toDate, Params.text("text", text, 200));
        return cases.search(caller.get(), filter, PageQuery.parse(page, size, sort, CaseService.SORTABLE, "openedOn,desc"));
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Open a case for the caller's post",
            description = "A retried request with the same Idempotency-Key returns the first result and creates nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "bilateral", value = CASE_EXAMPLE),
            @ExampleObject(name = "multilateral", value = MULTILATERAL_EXAMPLE) }))
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "422", description = "Lead post unknown or closed, partner country outside its coverage, ...",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "coverage",
                    value = COVERAGE_PROBLEM)))
    public Response open(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull CaseTerms terms) {
        Created<CaseSnapshot> created = cases.open(caller.get(), terms, idempotencyKey);
        return Responses.created(created, URI.create("/cases/" + created.value().id()), created.value().version());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST })
    @Operation(summary = "One case, with its version as ETag")
    public Response get(@PathParam("id") String id) {
        CaseSnapshot found = cases.get(caller.get(), Ids.of("case", id));
        return Responses.ok(found, found.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Revise an open case of the caller's post (full replacement; If-Match required)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "revision", value = CASE_EXAMPLE)))
    public Response revise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseTerms terms) {
        UUID caseId = Ids.of("case", id);
        CaseSnapshot revised = cases.revise(caller.get(), caseId, ETags.expectedVersion(ifMatch), terms);
        return Responses.ok(revised, revised.version());
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Close an open case (If-Match required)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "closure", value = """
            {"closedOn": "2025-06-30", "result": "Two networks dismantled; 1.2 t of cocaine seized"}""")))
    public Response close(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseClosure closure) {
        UUID caseId = Ids.of("case", id);
        CaseSnapshot closed = cases.close(caller.get(), caseId, ETags.expectedVersion(ifMatch), closure);
        return Responses.ok(closed, closed.version());
    }
}
