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

import org.dcis.cooperation.actions.ActionFilter;
import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionService;
import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.ActionTerms;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.actions.api.ActionResource;
import org.dcis.cooperation.cases.CaseClosure;
import org.dcis.cooperation.cases.CaseFilter;
import org.dcis.cooperation.cases.CaseService;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.CaseTerms;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Handling;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.shared.Caller;
import org.dcis.cooperation.shared.Created;
import org.dcis.cooperation.shared.Organisation;
import org.dcis.cooperation.shared.PageOf;
import org.dcis.cooperation.shared.PageQuery;
import org.dcis.cooperation.web.CurrentCaller;
import org.dcis.cooperation.web.ETags;
import org.dcis.cooperation.web.Ids;
import org.dcis.cooperation.web.Params;
import org.dcis.cooperation.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cooperation cases: officers of the lead post write them, officers and HQ read them. */
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

    private final CaseService cases;
    private final ActionService actions;
    private final CurrentCaller caller;

    CaseResource(CaseService cases, ActionService actions, CurrentCaller caller) {
        this.cases = cases;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Caller.OFFICER, Caller.HQ_ANALYST })
    @Operation(summary = "Cases the caller may read, filtered, paged and sorted")
    public PageOf<CaseSnapshot> list(@QueryParam("theme") String theme, @QueryParam("kind") String kind,
            @QueryParam("framework") String framework, @QueryParam("organisation") String organisation,
            @QueryParam("mission") String mission, @QueryParam("country") String country,
            @QueryParam("post") String post, @QueryParam("status") String status,
            @QueryParam("handling") String handling,
            @Parameter(description = "opened on or after") @QueryParam("from") String from,
            @Parameter(description = "opened on or before") @QueryParam("to") String to,
            @Parameter(description = "words of the title, summary or expected return") @QueryParam("text") String text,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "openedOn, closedOn, title, status, leadPost, createdAt, updatedAt; append ,desc")
            @QueryParam("sort") String sort) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range(fromDate, toDate);
        CaseFilter filter = new CaseFilter(Params.enumOf(Theme.class, "theme", theme),
                Params.enumOf(ActionKind.class, "kind", kind), Params.enumOf(Framework.class, "framework", framework),
                Params.enumOf(Organisation.class, "organisation", organisation), Params.text("mission", mission, 40),
                Params.country("country", country), Params.text("post", post, 40),
                Params.enumOf(CaseStatus.class, "status", status), Params.enumOf(Handling.class, "handling", handling),
                fromDate, toDate, Params.text("text", text, 200));
        return cases.search(caller.get(), filter, PageQuery.of(page, size, sort, CaseService.SORTABLE, "openedOn,desc"));
    }

    @POST
    @RolesAllowed(Caller.OFFICER)
    @Operation(summary = "Open a case for the caller's post",
            description = "A retried request with the same Idempotency-Key returns the first result and creates nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "bilateral", value = CASE_EXAMPLE),
            @ExampleObject(name = "multilateral", value = MULTILATERAL_EXAMPLE) }))
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "422", description = "Lead post unknown or closed, partner country outside its coverage, ...",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "coverage", value = """
                    {"type": "https://dcis.example/problems/rule", "title": "Request breaks a rule", "status": 422,
                     "detail": "partner country ML is not covered by lead post SN-DAKAR (coverage [CV, GM, GW, SN])",
                     "instance": "/cases",
                     "violations": [{"field": "partnerCountry", "message": "partner country ML is not covered by lead post SN-DAKAR (coverage [CV, GM, GW, SN])"}]}""")))
    public Response open(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull CaseTerms terms) {
        Created<CaseSnapshot> created = cases.open(caller.get(), terms, idempotencyKey);
        return Responses.created(created, URI.create("/cases/" + created.value().id()), created.value().version());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Caller.OFFICER, Caller.HQ_ANALYST })
    @Operation(summary = "One case, with its version as ETag")
    public Response get(@PathParam("id") String id) {
        CaseSnapshot found = cases.get(caller.get(), Ids.of("case", id));
        return Response.ok(found).tag(ETags.of(found.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Caller.OFFICER)
    @Operation(summary = "Revise an open case of the caller's post (full replacement; If-Match required)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "revision", value = CASE_EXAMPLE)))
    public Response revise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseTerms terms) {
        UUID caseId = Ids.of("case", id);
        CaseSnapshot revised = cases.revise(caller.get(), caseId, ETags.expectedVersion(ifMatch), terms);
        return Response.ok(revised).tag(ETags.of(revised.version())).build();
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Caller.OFFICER)
    @Operation(summary = "Close an open case (If-Match required)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "closure", value = """
            {"closedOn": "2025-06-30", "result": "Two networks dismantled; 1.2 t of cocaine seized"}""")))
    public Response close(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseClosure closure) {
        UUID caseId = Ids.of("case", id);
        CaseSnapshot closed = cases.close(caller.get(), caseId, ETags.expectedVersion(ifMatch), closure);
        return Response.ok(closed).tag(ETags.of(closed.version())).build();
    }

    @GET
    @Path("/{id}/actions")
    @RolesAllowed({ Caller.OFFICER, Caller.HQ_ANALYST })
    @Operation(summary = "Actions of one case, filtered, paged and sorted")
    public PageOf<ActionSnapshot> actions(@PathParam("id") String id, @QueryParam("kind") String kind,
            @QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("country") String country, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("text") String text, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") String sort) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range(fromDate, toDate);
        ActionFilter filter = new ActionFilter(Ids.of("case", id), Params.enumOf(ActionKind.class, "kind", kind),
                Params.enumOf(ActionType.class, "type", type), Params.enumOf(ActionStatus.class, "status", status),
                null, null, null, null, Params.country("country", country), null, fromDate, toDate,
                Params.text("text", text, 200));
        return actions.search(caller.get(), filter, PageQuery.of(page, size, sort, ActionService.SORTABLE, "plannedStart"));
    }

    @POST
    @Path("/{id}/actions")
    @RolesAllowed(Caller.OFFICER)
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
