package org.dcis.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;

/**
 * What every page resource shares: the signed-in user, the language, the services, and one way to render a page
 * (its template with the header's data). JSON from the services reaches the templates as plain maps and lists.
 */
public abstract class PageSupport {
    @Inject
    protected Engine engine;

    @Inject
    protected WebUser user;

    @Inject
    protected ServiceApi api;

    @Inject
    protected ObjectMapper json;

    @Context
    protected HttpHeaders headers;

    @Context
    protected UriInfo uri;

    protected Locale locale() {
        return Locales.of(headers);
    }

    /** The page {@code template} for the area {@code area} of the navigation bar. */
    protected TemplateInstance page(String template, String area) {
        Locale locale = locale();
        return engine.getTemplate(template).instance()
                .setLocale(locale)
                .data("lang", locale.getLanguage())
                .data("user", user)
                .data("area", area)
                .data("here", here())
                .data("hereEncoded", java.net.URLEncoder.encode(here(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The path and query of this page, for the language switch to come back to. */
    protected String here() {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }

    /** A service's JSON as maps, lists and scalars, which Qute reads by key ({row.cases}). */
    protected Object plain(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        try {
            // treeToValue, not convertValue: the latter hands JSON nodes back as they are, and Qute would print
            // a text node with its JSON quotes.
            return json.treeToValue(node, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a dashboard table ({@code rows}) or the items of a page ({@code items}). */
    @SuppressWarnings("unchecked")
    protected List<Object> rows(JsonNode table) {
        Object rows = plain(table.path("rows").isMissingNode() ? table.path("items") : table.path("rows"));
        return rows instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The page's own answer when a service refused a read: forbidden, not found, or a new login. */
    protected JsonNode read(ApiAnswer answer) {
        if (!answer.ok()) {
            throw new PageRefused(answer.status(), answer.detail());
        }
        return answer.json();
    }

    /** The first value of each form field, trimmed; blank fields are left out. */
    protected static Map<String, String> fields(MultivaluedMap<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
                fields.put(name, values.get(0).strip());
            }
        });
        return fields;
    }
}
