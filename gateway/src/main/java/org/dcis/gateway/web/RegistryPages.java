package org.dcis.gateway.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
 * The registry administrator's pages (registry-admin): the posts with a form to open one, and a page per post with
 * its coverage (today and its history), its status (suspend, reopen, close), its current assignments (end one) and a
 * form to post an officer. Every write goes to posts-service's public API with the user's token; its answers decide:
 * 2xx is a redirect back to the page with a notice, 400/422/409 the same form again with the messages next to the
 * fields, 412 the form again with the fresh values in a "changed by someone else" box.
 */
@Path("/app/registry")
public class RegistryPages extends PageSupport {
    /** The shape of a post id in a URL (platform PostIds); anything else is a not-found page without a call. */
    static final String POST_ID = "[A-Z]{2}-[A-Z0-9][A-Z0-9-]{1,44}";
    static final String UUID_SHAPE = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final List<String> LIST_FILTERS = List.of("status", "continent", "text");

    static final List<String> OPEN_FIELDS = List.of("id", "hostCountry", "city", "embassy", "openedOn", "coverage",
            "contact.email", "contact.phone");
    static final List<String> COVERAGE_FIELDS = List.of("countries", "effectiveOn");
    static final List<String> STATUS_FIELDS = List.of("status", "on", "confirm");
    static final List<String> ASSIGN_FIELDS = List.of("officer.id", "officer.force", "officer.rank",
            "officer.givenName", "officer.familyName", "officer.specialities", "role", "startsOn");
    static final List<String> END_FIELDS = List.of("endsOn");

    // ---------------------------------------------------------------- the posts

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance registry() {
        user.require(WebUser.ADMIN);
        return registryPage(RegistryForm.NONE);
    }

    @POST
    @Path("/posts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response openPost(MultivaluedMap<String, String> form) {
        user.require(WebUser.ADMIN);
        Map<String, String> fields = fields(form);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", fields.get("id"));
        body.put("hostCountry", upper(fields.get("hostCountry")));
        body.put("city", fields.get("city"));
        body.put("embassy", fields.get("embassy"));
        body.put("openedOn", fields.get("openedOn"));
        if (fields.containsKey("coverage")) {
            body.put("coverage", codes(fields.get("coverage")));
        }
        if (fields.containsKey("contact.email") || fields.containsKey("contact.phone")) {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("email", fields.get("contact.email"));
            contact.put("phone", fields.get("contact.phone"));
            body.put("contact", contact);
        }
        ApiAnswer answer = api.send(HttpMethod.POST, Service.POSTS, "/posts", body,
                Map.of("Idempotency-Key", fields.getOrDefault("idempotencyKey", "")));
        if (answer.ok()) {
            String id = answer.json().path("id").asText(String.valueOf(fields.get("id")));
            return seeOther("/app/registry/posts/" + id + "?done=opened");
        }
        return refused(answer, "open", fields, Map.of(), OPEN_FIELDS, "id", form2 -> registryPage(form2));
    }

    private TemplateInstance registryPage(RegistryForm form) {
        // Every filter is in the map (blank when not set), so the template reads filters.get('text') as "".
        Map<String, String> filters = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : LIST_FILTERS) {
            String value = uri.getQueryParameters().getFirst(name);
            filters.put(name, value == null ? "" : value.strip());
            if (value != null && !value.isBlank()) {
                query.put(name, value.strip());
            }
        }
        query.put("size", "200");
        query.put("sort", "id");
        ApiAnswer list = api.get(Service.POSTS, "/posts", query);
        TemplateInstance page = page("registry", "registry").data("filters", filters).data("form", form)
                .data("done", done()).data("idempotencyKey", UUID.randomUUID().toString());
        if (list.status() == 400) {
            // A filter the service refused: its message next to the filter, no table.
            return page.data("filterErrors", list.violations()).data("filterProblem", list.detail())
                    .data("posts", List.of()).data("total", 0);
        }
        JsonNode posts = read(list);
        return page.data("filterErrors", Map.of()).data("filterProblem", null)
                .data("posts", rows(posts)).data("total", posts.path("total").asLong());
    }

    // ---------------------------------------------------------------- one post

    @GET
    @Path("/posts/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance post(@PathParam("id") String id) {
        user.require(WebUser.ADMIN);
        return postPage(postId(id), RegistryForm.NONE);
    }

    @POST
    @Path("/posts/{id}/coverage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response changeCoverage(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        user.require(WebUser.ADMIN);
        String post = postId(id);
        Map<String, String> fields = fields(form);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("countries", codes(fields.getOrDefault("countries", "")));
        body.put("effectiveOn", fields.get("effectiveOn"));
        ApiAnswer answer = api.send(HttpMethod.PUT, Service.POSTS, "/posts/" + post + "/coverage", body,
                ifMatch(fields));
        if (answer.ok()) {
            return seeOther("/app/registry/posts/" + post + "?done=coverage#coverage");
        }
        return refused(answer, "coverage", fields, Map.of(), COVERAGE_FIELDS, "countries", f -> postPage(post, f));
    }

    @POST
    @Path("/posts/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response changeStatus(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        user.require(WebUser.ADMIN);
        String post = postId(id);
        Map<String, String> fields = fields(form);
        String status = fields.getOrDefault("status", "");
        String formName = "status:" + status;
        if (status.equals("CLOSED") && !"yes".equals(fields.get("confirm"))) {
            // Closing is final: it needs the box ticked (a second, deliberate act), checked before any call.
            RegistryForm unconfirmed = new RegistryForm(formName, fields, Map.of(), Map.of("confirm", "confirm"),
                    null, false);
            return html(422, postPage(post, unconfirmed));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("on", fields.get("on"));
        ApiAnswer answer = api.send(HttpMethod.PUT, Service.POSTS, "/posts/" + post + "/status", body, ifMatch(fields));
        if (answer.ok()) {
            String done = switch (status) {
                case "SUSPENDED" -> "suspended";
                case "CLOSED" -> "closed";
                default -> "reopened";
            };
            return seeOther("/app/registry/posts/" + post + "?done=" + done);
        }
        return refused(answer, formName, fields, Map.of(), STATUS_FIELDS, "on", f -> postPage(post, f));
    }

    @POST
    @Path("/posts/{id}/assignments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        user.require(WebUser.ADMIN);
        String post = postId(id);
        Map<String, String> fields = fields(form);
        List<String> specialities = form.getOrDefault("officer.specialities", List.of()).stream()
                .filter(s -> s != null && !s.isBlank()).toList();
        Map<String, Object> officer = new LinkedHashMap<>();
        officer.put("id", upper(fields.get("officer.id")));
        officer.put("force", fields.get("officer.force"));
        officer.put("rank", fields.get("officer.rank"));
        officer.put("givenName", fields.get("officer.givenName"));
        officer.put("familyName", fields.get("officer.familyName"));
        officer.put("specialities", specialities);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("officer", officer);
        body.put("postId", post);
        body.put("role", fields.get("role"));
        body.put("startsOn", fields.get("startsOn"));
        ApiAnswer answer = api.send(HttpMethod.POST, Service.POSTS, "/assignments", body,
                Map.of("Idempotency-Key", fields.getOrDefault("idempotencyKey", "")));
        if (answer.ok()) {
            return seeOther("/app/registry/posts/" + post + "?done=assigned#assignments");
        }
        return refused(answer, "assign", fields, Map.of("officer.specialities", specialities), ASSIGN_FIELDS,
                "officer.id", f -> postPage(post, f));
    }

    @POST
    @Path("/assignments/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response endAssignment(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        user.require(WebUser.ADMIN);
        if (!id.matches(UUID_SHAPE)) {
            throw new PageRefused(404, "No such assignment");
        }
        Map<String, String> fields = fields(form);
        String post = postId(fields.getOrDefault("post", ""));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endsOn", fields.get("endsOn"));
        ApiAnswer answer = api.send(HttpMethod.POST, Service.POSTS, "/assignments/" + id + "/end", body,
                ifMatch(fields));
        if (answer.ok()) {
            String of = answer.json().path("postId").asText(post);
            return seeOther("/app/registry/posts/" + postId(of) + "?done=ended#assignments");
        }
        return refused(answer, "end:" + id.toLowerCase(), fields, Map.of(), END_FIELDS, "endsOn",
                f -> postPage(post, f));
    }

    private TemplateInstance postPage(String id, RegistryForm form) {
        ApiAnswer answer = api.get(Service.POSTS, "/posts/" + id);
        JsonNode post = read(answer);
        String version = answer.version().orElse(post.path("version").asText());
        JsonNode coverage = read(api.get(Service.POSTS, "/posts/" + id + "/coverage"));
        List<Map<String, Object>> history = new ArrayList<>();
        for (JsonNode period : coverage.path("history")) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("country", period.path("country").asText());
            line.put("validFrom", period.path("validFrom").asText());
            line.put("validTo", period.path("validTo").isNull() ? "" : period.path("validTo").asText(""));
            history.add(line);
        }
        // Newest first; within a day, by country.
        history.sort(Comparator.comparing((Map<String, Object> p) -> (String) p.get("validFrom")).reversed()
                .thenComparing(p -> (String) p.get("country")));
        List<Object> assignments = rows(read(api.get(Service.POSTS, "/assignments",
                Map.of("postId", id, "current", "true", "size", "200", "sort", "startsOn"))));
        String move = "OPEN".equals(post.path("status").asText()) ? "SUSPENDED" : "OPEN";
        return page("registry-post", "registry")
                .data("post", plain(post))
                .data("move", move)
                .data("fname", "status:" + move)
                .data("version", version)
                .data("countries", String.join(", ", texts(coverage.path("countries"))))
                .data("coverageOn", coverage.path("on").asText(""))
                .data("history", history)
                .data("assignments", assignments)
                .data("form", form)
                .data("done", done())
                .data("idempotencyKey", UUID.randomUUID().toString());
    }

    // ---------------------------------------------------------------- answers of the service to a form

    /**
     * A form the service did not accept: the same page again with what the user typed. Violations go next to the
     * fields of the form they name (list items, {@code countries[2]}, to the list's field); one naming no field of the
     * form is added to the message above it; a 409 without violations goes next to {@code fallbackField}.
     */
    private Response refused(ApiAnswer answer, String formName, Map<String, String> typed,
                             Map<String, List<String>> lists, List<String> formFields, String fallbackField,
                             Function<RegistryForm, TemplateInstance> page) {
        int status = answer.status();
        if (status == 401 || status == 403 || status == 404) {
            throw new PageRefused(status, answer.detail());
        }
        if (status >= 500) {
            throw new ServiceUnavailable(Service.POSTS, null);
        }
        Map<String, String> values = new LinkedHashMap<>(typed);
        if (status == 412 || status == 428) {
            // Changed by someone else (or no version): the page shows the fresh values and carries the new version;
            // what the user typed stays in the fields, to send again deliberately.
            return html(409, page.apply(new RegistryForm(formName, values, lists, Map.of(), answer.detail(), true)));
        }
        Map<String, String> placed = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        answer.violations().forEach((field, message) -> {
            String name = field.replaceAll("\\[\\d+\\].*$", "");
            if (formFields.contains(name)) {
                placed.merge(name, message, (a, b) -> a + "; " + b);
            } else {
                unplaced.add(field.isBlank() ? message : field + ": " + message);
            }
        });
        if (status == 409 && placed.isEmpty()) {
            placed.put(fallbackField, answer.detail());
        }
        String problem = answer.detail();
        if (!unplaced.isEmpty()) {
            problem = problem + " (" + String.join("; ", unplaced) + ")";
        }
        return html(status == 409 ? 409 : 422, page.apply(new RegistryForm(formName, values, lists, placed, problem,
                false)));
    }

    private static Map<String, String> ifMatch(Map<String, String> fields) {
        String version = fields.getOrDefault("version", "");
        return version.matches("\\d{1,18}") ? Map.of("If-Match", "\"" + version + "\"") : Map.of();
    }

    private String done() {
        String done = uri.getQueryParameters().getFirst("done");
        return done != null && WebEnums.REGISTRY_DONE.contains(done) ? done : null;
    }

    private static String postId(String id) {
        if (id == null || !id.matches(POST_ID)) {
            throw new PageRefused(404, "No such post");
        }
        return id;
    }

    /** "sn, gm  GW" → [SN, GM, GW]: the codes a person types, separated by commas or spaces. */
    static List<String> codes(String typed) {
        return Arrays.stream(typed.split("[,;\\s]+")).map(String::strip).filter(code -> !code.isEmpty())
                .map(RegistryPages::upper).toList();
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
