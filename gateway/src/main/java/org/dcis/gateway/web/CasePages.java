package org.dcis.gateway.web;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpMethod;

/**
 * The officer's pages: their post's figures and cases, opening a case, a case with its actions, logging an action,
 * moving an action's status and closing the case. Every write is the cooperation API's own, called with the
 * officer's token: its refusals come back next to the fields they name.
 */
@Path("/app/cases")
public class CasePages extends PageSupport {
    static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The notices a redirect may ask for (?done=...), each a label. */
    static final Set<String> DONE = Set.of("case-opened", "action-logged", "action-revised", "status-changed", "case-closed");
    private static final Map<String, List<String>> MOVES = Map.of(
            "PLANNED", List.of("IN_PROGRESS", "CANCELLED"),
            "IN_PROGRESS", List.of("COMPLETED", "CANCELLED"));

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance cases() {
        user.require(WebUser.OFFICER);
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : List.of("status", "theme")) {
            String value = uri.getQueryParameters().getFirst(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        }
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("post", user.post());
        query.put("size", "50");
        query.put("sort", "openedOn,desc");
        ApiAnswer list = api.get(Service.COOPERATION, "/cases", query);
        TemplateInstance page = page("cases", "cases").data("filters", filters).data("done", done())
                .data("figures", plain(read(api.get(Service.COOPERATION, "/dashboard/summary",
                        Map.of("post", user.post()))).path("rows").path(0)));
        if (list.status() == 400) {
            // A filter the service refused (edited URL): the filters again with its message, no list.
            return page.data("violations", list.violations()).data("problem", list.detail()).data("cases", List.of())
                    .data("total", 0);
        }
        JsonNode cases = read(list);
        return page.data("violations", Map.of()).data("problem", null).data("cases", rows(cases))
                .data("total", cases.path("total").asLong(cases.path("items").size()));
    }

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance newCase() {
        user.require(WebUser.OFFICER);
        return caseForm(OfficerForm.blank());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response openCase(MultivaluedMap<String, String> form) {
        user.require(WebUser.OFFICER);
        Map<String, String> f = fields(form);
        OfficerBodies.Body body = OfficerBodies.caseTerms(json, f, form, user.post());
        ApiAnswer answer = api.send(HttpMethod.POST, Service.COOPERATION, "/cases", body.json(),
                Map.of("Idempotency-Key", f.getOrDefault("Idempotency-Key", "")));
        if (answer.ok()) {
            String id = answer.json().path("id").asText();
            return Response.seeOther(URI.create("/app/cases/" + (UUID_SHAPE.matcher(id).matches() ? id + "?done=case-opened" : "?done=case-opened"))).build();
        }
        refuseOrKeep(answer);
        Map<String, List<String>> lists = Map.of("themes", OfficerBodies.list(form, "themes"),
                "releasableTo", OfficerBodies.list(form, "releasableTo"));
        OfficerForm typed = OfficerForm.of(f, lists, null).refused(answer.violations(), answer.detail(),
                OfficerBodies.CASE_FIELDS);
        return html(422, caseForm(typed));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance caseView(@PathParam("id") String id) {
        user.require(WebUser.OFFICER);
        return casePage(caseId(id), new Extras());
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response logAction(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        user.require(WebUser.OFFICER);
        String caseId = caseId(id);
        Map<String, String> f = fields(form);
        OfficerBodies.Body body = OfficerBodies.actionTerms(json, f);
        ApiAnswer answer = api.send(HttpMethod.POST, Service.COOPERATION, "/cases/" + caseId + "/actions", body.json(),
                Map.of("Idempotency-Key", f.getOrDefault("Idempotency-Key", "")));
        if (answer.ok()) {
            String actionId = answer.json().path("id").asText();
            return seeCase(caseId, "action-logged", UUID_SHAPE.matcher(actionId).matches() ? "a-" + actionId : "actions");
        }
        refuseOrKeep(answer);
        Extras extras = new Extras();
        extras.actionForm = OfficerForm.of(f, Map.of(), null).refused(body.violations(answer.violations()),
                answer.detail(), OfficerBodies.ACTION_FIELDS);
        return html(answer.status() == 409 ? 409 : 422, casePage(caseId, extras));
    }

    @POST
    @Path("/{id}/actions/{actionId}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response changeStatus(@PathParam("id") String id, @PathParam("actionId") String actionId,
                                 MultivaluedMap<String, String> form) {
        user.require(WebUser.OFFICER);
        String caseId = caseId(id);
        if (!UUID_SHAPE.matcher(actionId).matches()) {
            throw new PageRefused(404, "No such action");
        }
        Map<String, String> f = fields(form);
        ApiAnswer answer = api.send(HttpMethod.POST, Service.COOPERATION, "/actions/" + actionId + "/status",
                OfficerBodies.statusChange(json, f), ifMatch(f));
        if (answer.ok()) {
            String ofCase = answer.json().path("caseId").asText(caseId);
            return seeCase(UUID_SHAPE.matcher(ofCase).matches() ? ofCase : caseId, "status-changed", "a-" + actionId);
        }
        refuseOrKeep(answer);
        Extras extras = new Extras();
        extras.statusAction = actionId.toLowerCase();
        extras.statusConflict = answer.status() == 412;
        extras.statusForm = OfficerForm.of(f, Map.of(), null).refused(answer.violations(), answer.detail(),
                List.of("status", "reason", "on"));
        return html(answer.status() == 412 ? 409 : 422, casePage(caseId, extras));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response close(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        user.require(WebUser.OFFICER);
        String caseId = caseId(id);
        Map<String, String> f = fields(form);
        ApiAnswer answer = api.send(HttpMethod.POST, Service.COOPERATION, "/cases/" + caseId + "/close",
                OfficerBodies.closure(json, f), ifMatch(f));
        if (answer.ok()) {
            return seeCase(caseId, "case-closed", "main");
        }
        refuseOrKeep(answer);
        Extras extras = new Extras();
        extras.closeConflict = answer.status() == 412;
        extras.closeForm = OfficerForm.of(f, Map.of(), null).refused(answer.violations(), answer.detail(),
                List.of("closedOn", "result"));
        return html(answer.status() == 412 ? 409 : 422, casePage(caseId, extras));
    }

    /** What a case page shows besides the stored case: a refused form, with the user's values. */
    static final class Extras {
        OfficerForm actionForm;
        OfficerForm closeForm;
        OfficerForm statusForm;
        String statusAction;
        boolean statusConflict;
        boolean closeConflict;
    }

    private TemplateInstance casePage(String caseId, Extras extras) {
        ApiAnswer found = api.get(Service.COOPERATION, "/cases/" + caseId);
        JsonNode theCase = read(found);
        JsonNode actions = read(api.get(Service.COOPERATION, "/cases/" + caseId + "/actions",
                Map.of("size", "200", "sort", "plannedStart,desc")));
        boolean lead = "OPEN".equals(theCase.path("status").asText()) && !user.post().isEmpty()
                && user.post().equals(theCase.path("leadPost").asText());
        List<Object> rows = rows(actions);
        Map<String, Object> moves = new HashMap<>();
        for (JsonNode action : actions.path("items")) {
            moves.put(action.path("id").asText(), MOVES.getOrDefault(action.path("status").asText(), List.of()));
        }
        OfficerForm actionForm = extras.actionForm == null ? OfficerForm.blank() : extras.actionForm;
        OfficerForm closeForm = extras.closeForm == null ? OfficerForm.blank() : extras.closeForm;
        return page("case", "cases")
                .data("theCase", plain(theCase))
                .data("version", found.version().orElse(""))
                .data("actions", rows)
                .data("moves", moves)
                .data("lead", lead)
                .data("done", done())
                .data("actionForm", actionForm)
                .data("lines", OfficerBodies.outcomeLines(actionForm.values()))
                .data("dateFields", OfficerBodies.LOG_DATES)
                .data("participantFields", OfficerBodies.PARTICIPANT_COUNTS)
                .data("closeForm", closeForm.withVersion(found.version().orElse("")))
                .data("closeConflict", extras.closeConflict)
                .data("statusForm", extras.statusForm == null ? OfficerForm.blank() : extras.statusForm)
                .data("statusAction", extras.statusAction == null ? "" : extras.statusAction)
                .data("statusConflict", extras.statusConflict)
                .data("today", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString());
    }

    private TemplateInstance caseForm(OfficerForm form) {
        return page("case-new", "cases").data("form", form).data("organisations", OfficerBodies.ORGANISATIONS)
                .data("post", user.post());
    }

    /** 401/403/404 and other answers that are no form error: the page of their own (the 503 is thrown earlier). */
    static void refuseOrKeep(ApiAnswer answer) {
        int status = answer.status();
        if (status == 401 || status == 403 || status == 404) {
            throw new PageRefused(status, answer.detail());
        }
        if (status != 400 && status != 409 && status != 412 && status != 422 && status != 428) {
            throw new ServiceUnavailable(Service.COOPERATION, null);
        }
    }

    static Map<String, String> ifMatch(Map<String, String> f) {
        String version = f.getOrDefault("version", "");
        return version.matches("\\d{1,18}") ? Map.of("If-Match", "\"" + version + "\"") : Map.of();
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    static Response seeCase(String caseId, String done, String anchor) {
        return Response.seeOther(URI.create("/app/cases/" + caseId + "?done=" + done + "#" + anchor)).build();
    }

    private String done() {
        String done = uri.getQueryParameters().getFirst("done");
        return done != null && DONE.contains(done) ? done.replace('-', '_') : null;
    }

    static String caseId(String id) {
        if (id == null || !UUID_SHAPE.matcher(id).matches()) {
            throw new PageRefused(404, "No such case");
        }
        return id.toLowerCase();
    }
}
