package org.dcis.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;

import org.dcis.gateway.health.Downstreams;
import org.dcis.gateway.routing.Downstream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The whole API in one document: each service's /q/openapi fetched now and merged under its public
 * prefix. Fetched on each request (it is read rarely and must follow deployments); a service that does
 * not answer is listed under x-dcis-sources as unavailable instead of failing the whole document.
 */
@Path("/openapi.json")
public class OpenApiResource {
    @Inject
    Downstreams downstreams;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenAPI description of the whole API behind the gateway")
    public CompletionStage<JsonNode> merged() {
        List<Future<String>> fetches = new ArrayList<>();
        // one document per service, read through its root route; its paths go under the route that publishes them
        Downstream[] all = java.util.Arrays.stream(Downstream.values()).filter(Downstream::isServiceRoot)
                .toArray(Downstream[]::new);
        for (Downstream downstream : all) {
            fetches.add(downstreams.get(downstream, "/q/openapi?format=json", 200));
        }
        return Future.join(fetches).transform(done -> {
            ApiDescription description = new ApiDescription("DCIS cooperation suite API", "1.0.0");
            for (int i = 0; i < all.length; i++) {
                Future<String> fetch = fetches.get(i);
                if (fetch.succeeded()) {
                    try {
                        Downstream root = all[i];
                        description.add(root.service(), root.prefix(), json.readTree(fetch.result()),
                                path -> Downstream.publicPath(root, path));
                    } catch (Exception e) {
                        description.missing(all[i].service(), all[i].prefix(), "not a JSON OpenAPI document");
                    }
                } else {
                    description.missing(all[i].service(), all[i].prefix(), fetch.cause().getMessage());
                }
            }
            return Future.succeededFuture((JsonNode) description.document());
        }).toCompletionStage();
    }
}
