package org.dcis.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateInstance;

import org.dcis.gateway.GatewayConfig;

/**
 * Headquarters' view of the network (hq-analyst): headline figures, charts by theme, month and kind, the world map,
 * the most active posts, the recent actions with the same filters, their CSV, and a page per post. Every figure is
 * the dashboard API's own, asked for with the user's token and the filters of the URL.
 */
@Path("/app/network")
public class NetworkPages extends PageSupport {
    @Inject
    GatewayConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance network() {
        user.require(WebUser.ANALYST);
        NetworkFilters filters = NetworkFilters.of(uri.getQueryParameters());
        TemplateInstance page = page("network", "network").data("filters", filters);
        ApiAnswer summary = api.get(Service.COOPERATION, "/dashboard/summary", filters.dashboard());
        if (summary.status() == 400) {
            // A filter the service refused: the form again, the message next to the field, no figures.
            return page.data("violations", summary.violations()).data("problem", summary.detail()).data("figures", null);
        }
        JsonNode figures = read(summary).path("rows").path(0);
        return page.data("violations", Map.of()).data("problem", null)
                .data("figures", plain(figures))
                .data("charts", List.of(
                        Map.of("key", "theme", "kind", "bar", "data", chart(filters, "theme")),
                        Map.of("key", "month", "kind", "line", "data", chart(filters, "month")),
                        Map.of("key", "kind", "kind", "bar", "data", chart(filters, "kind"))))
                .data("byCountry", countries(filters))
                .data("mostActive", rows(read(api.get(Service.COOPERATION, "/dashboard/posts/most-active",
                        with(filters.dashboard(), "limit", "10")))))
                .data("actions", recentActions(filters));
    }

    /** The recent-actions table as shown, as CSV (RFC 4180), named after the day. */
    @GET
    @Path("/actions.csv")
    @Produces("text/csv")
    public Response actionsCsv() {
        user.require(WebUser.ANALYST);
        NetworkFilters filters = NetworkFilters.of(uri.getQueryParameters());
        return Response.ok(ActionTable.csv(recentActions(filters)))
                .header("Content-Disposition", "attachment; filename=\"dcis-actions.csv\"")
                .build();
    }

    @GET
    @Path("/posts/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance post(@PathParam("id") String id) {
        user.require(WebUser.ANALYST);
        if (!id.matches("[A-Z]{2}-[A-Z0-9-]{1,40}")) {
            throw new PageRefused(404, "No such post");
        }
        JsonNode post = read(api.get(Service.COOPERATION, "/directory/posts/" + id));
        NetworkFilters filters = NetworkFilters.of(uri.getQueryParameters());
        Map<String, String> ofPost = with(filters.dashboard(), "post", id);
        return page("network-post", "network")
                .data("post", plain(post))
                .data("filters", filters)
                .data("figures", plain(read(api.get(Service.COOPERATION, "/dashboard/summary", ofPost)).path("rows").path(0)))
                .data("cases", rows(read(api.get(Service.COOPERATION, "/cases",
                        Map.of("post", id, "size", "20", "sort", "openedOn,desc")))));
    }

    private Map<String, Object> chart(NetworkFilters filters, String by) {
        List<Object> rows = rows(read(api.get(Service.COOPERATION, "/dashboard/counts/" + by, filters.dashboard())));
        List<String> labels = new java.util.ArrayList<>();
        List<Object> values = new java.util.ArrayList<>();
        for (Object row : rows) {
            Map<?, ?> line = (Map<?, ?>) row;
            labels.add(String.valueOf(line.get("key") == null ? "—" : line.get("key")));
            values.add(line.get("actions"));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", json(labels));
        chart.put("series", json(values));
        chart.put("rows", rows);
        return chart;
    }

    private Map<String, Object> countries(NetworkFilters filters) {
        List<Object> rows = rows(read(api.get(Service.COOPERATION, "/dashboard/counts/country", filters.dashboard())));
        Map<String, Object> byCountry = new LinkedHashMap<>();
        for (Object row : rows) {
            Map<?, ?> line = (Map<?, ?>) row;
            if (line.get("key") != null) {
                byCountry.put(String.valueOf(line.get("key")), line.get("actions"));
            }
        }
        return Map.of("series", json(byCountry), "rows", rows);
    }

    private List<Object> recentActions(NetworkFilters filters) {
        Map<String, String> query = with(filters.actionList(), "size", Integer.toString(config.web().tableSize()));
        query.put("sort", "plannedStart,desc");
        return rows(read(api.get(Service.COOPERATION, "/actions", query)));
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(base);
        copy.put(name, value);
        return copy;
    }
}
