package org.dcis.cooperation.dashboard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.dashboard.DashboardFilter;
import org.dcis.cooperation.dashboard.DashboardQueries;
import org.dcis.cooperation.dashboard.DashboardQueries.Dimension;
import org.dcis.cooperation.dashboard.DashboardQueries.IndicatorDimension;
import org.dcis.cooperation.dashboard.DashboardRows.ContinentCoverage;
import org.dcis.cooperation.dashboard.DashboardRows.CountRow;
import org.dcis.cooperation.dashboard.DashboardRows.Coverage;
import org.dcis.cooperation.dashboard.DashboardRows.InactivePost;
import org.dcis.cooperation.dashboard.DashboardRows.IndicatorRow;
import org.dcis.cooperation.dashboard.DashboardRows.IndicatorTotal;
import org.dcis.cooperation.dashboard.DashboardRows.MissionRow;
import org.dcis.cooperation.dashboard.DashboardRows.OfficerCount;
import org.dcis.cooperation.dashboard.MissionStatus;
import org.dcis.cooperation.dashboard.DashboardRows.PostActivity;
import org.dcis.cooperation.dashboard.DashboardRows.ReturnRow;
import org.dcis.cooperation.dashboard.DashboardRows.Summary;
import org.dcis.cooperation.missions.Missions;
import org.dcis.cooperation.reference.Continents;
import org.dcis.cooperation.reference.IsoCountries;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.problem.AccessDenied;
import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.problem.NotFound;
import org.dcis.platform.reference.FieldLengths;
import org.dcis.platform.reference.PostIds;
import org.dcis.platform.security.Caller;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The headquarters dashboard: figures of cases and actions over a period, from the read model of the dashboard
 * feature. {@code hq-analyst} reads every post, an {@code officer} their own post only (asking for another post is a
 * 403), everybody else gets 403. Every table answers JSON ({@code {"table", "filters", "rows"}}) or, with
 * {@code Accept: text/csv}, the same rows as CSV.
 */
@Path("/dashboard")
@Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
@Tag(name = "dashboard")
@RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST })
public class DashboardResource {
    static final int MAX_MISSION_CODE = 40;

    private final DashboardQueries queries;
    private final MissionStatus missionStatus;
    private final Missions missions;
    private final CurrentCaller caller;

    DashboardResource(DashboardQueries queries, MissionStatus missionStatus, Missions missions, CurrentCaller caller) {
        this.queries = queries;
        this.missionStatus = missionStatus;
        this.missions = missions;
        this.caller = caller;
    }

    /** A table of the dashboard, as JSON: its name, the filters applied (an officer's own post included), its rows. */
    public record Table<R>(String table, DashboardFilter filters, List<R> rows) {
    }

    // The JSON answers as the OpenAPI document shows them (the shape of Table for each kind of row).
    @Schema(name = "DashboardSummary") record SummaryAnswer(String table, DashboardFilter filters, List<Summary> rows) {
    }

    @Schema(name = "DashboardCounts") record CountsAnswer(String table, DashboardFilter filters, List<CountRow> rows) {
    }

    @Schema(name = "DashboardIndicators") record IndicatorsAnswer(String table, DashboardFilter filters,
            List<IndicatorRow> rows) {
    }

    @Schema(name = "DashboardMostActivePosts") record MostActiveAnswer(String table, DashboardFilter filters,
            List<PostActivity> rows) {
    }

    @Schema(name = "DashboardInactivePosts") record InactiveAnswer(String table, DashboardFilter filters,
            List<InactivePost> rows) {
    }

    @Schema(name = "DashboardReturn") record ReturnAnswer(String table, DashboardFilter filters, List<ReturnRow> rows) {
    }

    @Schema(name = "DashboardMissions") record MissionsAnswer(String table, DashboardFilter filters, List<MissionRow> rows) {
    }

    @Schema(name = "DashboardCoverage") record CoverageAnswer(String table, DashboardFilter filters, List<Coverage> rows) {
    }

    @Schema(name = "DashboardCoverageByContinent") record ContinentsAnswer(String table, DashboardFilter filters,
            List<ContinentCoverage> rows) {
    }

    @Schema(name = "DashboardOfficers") record OfficersAnswer(String table, DashboardFilter filters,
            List<OfficerCount> rows) {
    }

    /** The filters every table accepts, read once as text (bad values: 400 naming the parameter). */
    public static final class Filters {
        @QueryParam("from") @Parameter(description = "first day, inclusive (Paris calendar), e.g. 2025-01-01")
        String from;
        @QueryParam("to") @Parameter(description = "last day, inclusive (Paris calendar), e.g. 2025-12-31")
        String to;
        @QueryParam("post") @Parameter(description = "lead post, e.g. SN-DAKAR (an officer: their own post only)")
        String post;
        @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2: an action's place, a case's partner or concerned country")
        String country;
        @QueryParam("continent") @Parameter(description = "UN M49 code (002, 019, 142, 150, 009) or name (Africa)")
        String continent;
        @QueryParam("organisation") String organisation;
        @QueryParam("mission") @Parameter(description = "mission code, e.g. EUCAP-SAHEL-MALI") String mission;
        @QueryParam("theme") String theme;
        @QueryParam("kind") @Parameter(description = "narrows actions (not case counts)") String kind;
        @QueryParam("type") @Parameter(description = "narrows actions (not case counts)") String type;
        @QueryParam("framework") String framework;
        @QueryParam("status") @Parameter(description = "a case status (OPEN, CLOSED: cases and their actions) or an"
                + " action status (PLANNED, IN_PROGRESS, COMPLETED, CANCELLED: actions only)")
        String status;
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Headline figures of the period: cases, actions, cancelled actions, experts, officers trained,"
            + " posts with and without actions, indicator totals")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response summary(@jakarta.ws.rs.BeanParam Filters params, @Context HttpHeaders headers) {
        DashboardFilter filter = filter(params);
        Summary summary = queries.summary(filter);
        if (!wantsCsv(headers)) {
            return Response.ok(new Table<>("summary", filter, List.of(summary)), MediaType.APPLICATION_JSON).build();
        }
        List<Figure> figures = new ArrayList<>(List.of(new Figure("cases", null, summary.cases()),
                new Figure("actions", null, summary.actions()),
                new Figure("cancelledActions", null, summary.cancelledActions()),
                new Figure("frenchExperts", null, summary.frenchExperts()),
                new Figure("partnerOfficersTrained", null, summary.partnerOfficersTrained()),
                new Figure("postsWithActions", null, summary.postsWithActions()),
                new Figure("postsWithoutActions", null, summary.postsWithoutActions())));
        for (IndicatorTotal total : summary.indicators()) {
            figures.add(new Figure("indicator." + total.indicator(), total.unit(), total.quantity()));
        }
        return csv(Figure.class, figures);
    }

    /** One headline figure, as a CSV line. */
    public record Figure(String figure, String unit, Number value) {
    }

    @GET
    @Path("/counts/{by}")
    @Operation(summary = "Cases and actions counted by theme, kind, type, framework, organisation, mission, continent,"
            + " country, post or month")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountsAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response counts(@Parameter(description = "what the rows are counted by", example = "theme",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "theme", "kind", "type", "framework", "organisation",
                    "mission", "continent", "country", "post", "month" })) @PathParam("by") String by, @jakarta.ws.rs.BeanParam Filters params, @Context HttpHeaders headers) {
        Dimension dimension = pathValue(Dimension.class, "counts", by);
        DashboardFilter filter = filter(params);
        return answer(headers, "counts/" + by, filter, CountRow.class, queries.counts(dimension, filter));
    }

    @GET
    @Path("/indicators/{by}")
    @Operation(summary = "Indicator totals (persons trained, seizures by unit, arrests...) by theme or month;"
            + " cancelled actions excluded")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorsAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response indicators(@Parameter(description = "what the totals are grouped by", example = "theme",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "theme", "month" })) @PathParam("by") String by, @jakarta.ws.rs.BeanParam Filters params,
            @Context HttpHeaders headers) {
        IndicatorDimension dimension = pathValue(IndicatorDimension.class, "indicators", by);
        DashboardFilter filter = filter(params);
        return answer(headers, "indicators/" + by, filter, IndicatorRow.class, queries.indicators(dimension, filter));
    }

    @GET
    @Path("/posts/most-active")
    @Operation(summary = "Posts ranked by actions (not cancelled) in the period")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MostActiveAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response mostActive(@jakarta.ws.rs.BeanParam Filters params,
            @QueryParam("limit") @Parameter(description = "1 to 200, default 10") String limit, @Context HttpHeaders headers) {
        DashboardFilter filter = filter(params);
        return answer(headers, "posts/most-active", filter, PostActivity.class,
                queries.mostActivePosts(filter, limit(limit)));
    }

    @GET
    @Path("/posts/inactive")
    @Operation(summary = "Posts of the directory (not closed) without any action (not cancelled) in the period")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InactiveAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response inactive(@jakarta.ws.rs.BeanParam Filters params, @Context HttpHeaders headers) {
        DashboardFilter filter = filter(params);
        return answer(headers, "posts/inactive", filter, InactivePost.class, queries.inactivePosts(filter));
    }

    @GET
    @Path("/return")
    @Operation(summary = "France's return: actions (not cancelled) and cases per priority axis of the DCIS per continent")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response franceReturn(@jakarta.ws.rs.BeanParam Filters params, @Context HttpHeaders headers) {
        DashboardFilter filter = filter(params);
        return answer(headers, "return", filter, ReturnRow.class, queries.franceReturn(filter));
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "The network today: posts, officers by force and role, countries covered per continent"
            + " (only post narrows it)")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response coverage(@jakarta.ws.rs.BeanParam Filters params, @Context HttpHeaders headers) {
        DashboardFilter filter = filter(params);
        Coverage coverage = queries.coverage(filter.post());
        if (!wantsCsv(headers)) {
            return Response.ok(new Table<>("coverage", filter, List.of(coverage)), MediaType.APPLICATION_JSON).build();
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("posts", null, coverage.posts()));
        coverage.postsByStatus().forEach((status, n) -> figures.add(new Figure("posts." + status, null, n)));
        figures.add(new Figure("officers", null, coverage.officers()));
        coverage.officersByForce().forEach((force, n) -> figures.add(new Figure("officers.force." + force, null, n)));
        coverage.officersByRole().forEach((role, n) -> figures.add(new Figure("officers.role." + role, null, n)));
        figures.add(new Figure("countriesCovered", null, coverage.countriesCovered()));
        figures.add(new Figure("continentsCovered", null, coverage.continentsCovered()));
        return csv(Figure.class, figures);
    }

    @GET
    @Path("/coverage/continents")
    @Operation(summary = "Countries covered, posts and officers per continent, today")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContinentsAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response coverageByContinent(@jakarta.ws.rs.BeanParam Filters params, @Context HttpHeaders headers) {
        DashboardFilter filter = filter(params);
        return answer(headers, "coverage/continents", filter, ContinentCoverage.class,
                queries.coverage(filter.post()).continents());
    }

    @GET
    @Path("/missions")
    @Operation(summary = "Each mission with its cases and actions in the period and the latest report of its"
            + " organisation's system (mandate extended, suspended, ended)")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MissionsAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response missions(@jakarta.ws.rs.BeanParam Filters params, @Context HttpHeaders headers) {
        DashboardFilter filter = filter(params);
        return answer(headers, "missions", filter, MissionRow.class, missionStatus.rows(filter));
    }

    @GET
    @Path("/coverage/officers")
    @Operation(summary = "Officers posted today by force and by role (counts from the registry, never names)")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficersAnswer.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    public Response officers(@jakarta.ws.rs.BeanParam Filters params, @Context HttpHeaders headers) {
        DashboardFilter filter = filter(params);
        return answer(headers, "coverage/officers", filter, OfficerCount.class, queries.officers(filter.post()));
    }

    // ---------------------------------------------------------------- reading the request

    private DashboardFilter filter(Filters p) {
        Caller who = caller.get();
        if (!who.isAnalyst() && !who.isOfficer()) {
            throw new AccessDenied("the dashboard is for headquarters analysts and officers (of their own post)");
        }
        var from = Params.date("from", p.from);
        var to = Params.date("to", p.to);
        Params.range("from", from, "to", to);
        String post = Params.text("post", p.post, FieldLengths.POST_ID);
        if (post != null && !PostIds.isValid(post.strip())) {
            throw new InvalidParameter("post", PostIds.MESSAGE);
        }
        post = post == null ? null : post.strip();
        if (!who.isAnalyst()) {
            if (post != null && !post.equals(who.postId())) {
                throw new AccessDenied("officers of " + who.postId() + " see the figures of their own post only, not of "
                        + post);
            }
            post = who.postId();
        }
        String mission = Params.text("mission", p.mission, MAX_MISSION_CODE);
        if (mission != null && missions.findById(mission.strip()) == null) {
            throw new InvalidParameter("mission", "unknown mission " + mission.strip());
        }
        CaseStatus caseStatus = null;
        ActionStatus actionStatus = null;
        String status = Params.text("status", p.status, 20);
        if (status != null) {
            String name = status.strip().toUpperCase(Locale.ROOT);
            try {
                caseStatus = CaseStatus.valueOf(name);
            } catch (IllegalArgumentException notCase) {
                try {
                    actionStatus = ActionStatus.valueOf(name);
                } catch (IllegalArgumentException notAction) {
                    throw new InvalidParameter("status", "unknown value; allowed: OPEN, CLOSED (cases), PLANNED,"
                            + " IN_PROGRESS, COMPLETED, CANCELLED (actions)");
                }
            }
        }
        return new DashboardFilter(from, to, post, IsoCountries.parameter("country", p.country),
                Continents.parameter("continent", p.continent),
                Params.enumOf(Organisation.class, "organisation", p.organisation),
                mission == null ? null : mission.strip(), Params.enumOf(Theme.class, "theme", p.theme),
                Params.enumOf(ActionKind.class, "kind", p.kind), Params.enumOf(ActionType.class, "type", p.type),
                Params.enumOf(Framework.class, "framework", p.framework), caseStatus, actionStatus);
    }

    private static int limit(String value) {
        String text = Params.text("limit", value, 10);
        if (text == null) {
            return 10;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= 200) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidParameter("limit", "must be a number from 1 to 200");
    }

    /** A table named in the path: lower case, dashes for underscores; anything else names no table (404). */
    private static <E extends Enum<E>> E pathValue(Class<E> type, String table, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw new NotFound("dashboard table", table + "/" + (value.length() <= 40 ? value : value.substring(0, 40) + "…"));
    }

    // ---------------------------------------------------------------- answering

    private static <R extends Record> Response answer(HttpHeaders headers, String name, DashboardFilter filter,
            Class<R> type, List<R> rows) {
        if (wantsCsv(headers)) {
            return csv(type, rows);
        }
        return Response.ok(new Table<>(name, filter, rows), MediaType.APPLICATION_JSON).build();
    }

    private static Response csv(Class<? extends Record> type, List<? extends Record> rows) {
        return Response.ok(Csv.of(type, rows), Csv.MEDIA_TYPE + "; charset=UTF-8").build();
    }

    /** CSV when the client prefers it to JSON (Accept: text/csv); JSON otherwise (the @Produces list refuses the rest: 406). */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(Csv.MEDIA_TYPE))) {
                return true;
            }
        }
        return false;
    }
}
