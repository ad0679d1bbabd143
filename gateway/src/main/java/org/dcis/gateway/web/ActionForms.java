package org.dcis.gateway.web;

import java.util.Map;

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
 * Revising an action (PUT /actions/{id}, the full terms, If-Match the version the officer saw). Someone else's change
 * in between (412) shows the fresh values and version next to what the officer typed, which a second submit keeps.
 */
@Path("/app/actions")
public class ActionForms extends PageSupport {

    @GET
    @Path("/{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit(@PathParam("id") String id) {
        user.require(WebUser.OFFICER);
        String actionId = actionId(id);
        ApiAnswer found = api.get(Service.COOPERATION, "/actions/" + actionId);
        JsonNode action = read(found);
        OfficerForm form = OfficerForm.of(OfficerBodies.actionValues(action), Map.of(), found.version().orElse(""));
        return editPage(action, form, null);
    }

    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revise(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        user.require(WebUser.OFFICER);
        String actionId = actionId(id);
        Map<String, String> f = fields(form);
        OfficerBodies.Body body = OfficerBodies.actionTerms(json, f);
        ApiAnswer answer = api.send(HttpMethod.PUT, Service.COOPERATION, "/actions/" + actionId, body.json(),
                CasePages.ifMatch(f));
        if (answer.ok()) {
            String caseId = answer.json().path("caseId").asText();
            if (!CasePages.UUID_SHAPE.matcher(caseId).matches()) {
                throw new PageRefused(404, "No such case");
            }
            return CasePages.seeCase(caseId, "action-revised", "a-" + actionId);
        }
        CasePages.refuseOrKeep(answer);
        OfficerForm typed = OfficerForm.of(f, Map.of(), f.get("version"))
                .refused(body.violations(answer.violations()), answer.detail(), OfficerBodies.ACTION_FIELDS);
        ApiAnswer fresh = api.get(Service.COOPERATION, "/actions/" + actionId);
        JsonNode action = read(fresh);
        if (answer.status() == 412) {
            // Changed by someone else: the fresh values and version shown, the typed values kept, the next submit
            // names the fresh version (the officer has seen it).
            return CasePages.html(409, editPage(action, typed.withVersion(fresh.version().orElse("")), plain(action)));
        }
        return CasePages.html(422, editPage(action, typed, null));
    }

    private TemplateInstance editPage(JsonNode action, OfficerForm form, Object fresh) {
        return page("action-edit", "cases")
                .data("action", plain(action))
                .data("form", form)
                .data("lines", OfficerBodies.outcomeLines(form.values()))
                .data("dateFields", OfficerBodies.REVISION_DATES)
                .data("participantFields", OfficerBodies.PARTICIPANT_COUNTS)
                .data("fresh", fresh);
    }

    static String actionId(String id) {
        if (id == null || !CasePages.UUID_SHAPE.matcher(id).matches()) {
            throw new PageRefused(404, "No such action");
        }
        return id.toLowerCase();
    }
}
