package org.dcis.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What a service answered to a call the web app made for the user: the status, the JSON body (a problem on
 * errors) and the entity tag (the version a later {@code If-Match} must name).
 */
public record ApiAnswer(int status, JsonNode body, String etag, String location) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonNode json() {
        return body == null ? MissingNode.getInstance() : body;
    }

    /** The problem's detail, or its title, for the message above a form. */
    public String detail() {
        JsonNode detail = json().path("detail");
        return detail.isTextual() ? detail.asText() : json().path("title").asText("HTTP " + status);
    }

    /** The problem's violations by field (its JSON path, a query parameter or a header), in the service's order. */
    public Map<String, String> violations() {
        Map<String, String> byField = new LinkedHashMap<>();
        for (JsonNode violation : json().path("violations")) {
            byField.merge(violation.path("field").asText(""), violation.path("message").asText(""),
                    (first, second) -> first + "; " + second);
        }
        return byField;
    }

    /** The version number inside the entity tag ({@code "3"} or {@code W/"3"}). */
    public Optional<String> version() {
        if (etag == null) {
            return Optional.empty();
        }
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        return Optional.of(tag.replace("\"", ""));
    }
}
