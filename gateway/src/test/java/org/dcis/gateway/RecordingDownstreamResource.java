package org.dcis.gateway;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Starts the two recording services once per test JVM and points the gateway at them. Tests reach
 * their control servers through the {@code dcis.test.*-control-url} properties.
 */
public class RecordingDownstreamResource implements QuarkusTestResourceLifecycleManager {
    private static Vertx vertx;
    private static RecordingDownstream posts;
    private static RecordingDownstream cooperation;

    @Override
    public synchronized Map<String, String> start() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            posts = new RecordingDownstream(vertx, "posts-service", openapi("posts-service",
                    "/countries", "get", "listCountries", "/posts", "post", "openPost")).start();
            JsonObject cooperationApi = openapi("cooperation-service",
                    "/cases", "get", "listCases", "/cases/{id}/actions", "post", "logAction");
            // the dashboard is cooperation-service's too, published by the gateway under /api/dashboard
            cooperationApi.getJsonObject("paths").put("/dashboard/counts/{by}", new JsonObject().put("get",
                    new JsonObject().put("operationId", "dashboardCounts")
                            .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK")))));
            cooperationApi.getJsonObject("paths").put("/partner/v1/changes", new JsonObject().put("get",
                    new JsonObject().put("operationId", "partnerChanges")
                            .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK")))));
            cooperation = new RecordingDownstream(vertx, "cooperation-service", cooperationApi).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close(), "recording-downstreams-stop"));
        }
        return Map.of(
                "dcis.gateway.posts-url", posts.url(),
                "dcis.gateway.cooperation-url", cooperation.url(),
                // the recording services answer their readiness on the same port
                "dcis.gateway.posts-management-url", posts.url(),
                "dcis.gateway.cooperation-management-url", cooperation.url(),
                "dcis.test.posts-control-url", posts.controlUrl(),
                "dcis.test.cooperation-control-url", cooperation.controlUrl());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped at exit
    }

    /** A small document in the shape Quarkus publishes: two operations, a shared and an own schema. */
    private static JsonObject openapi(String service, String path1, String method1, String operation1,
            String path2, String method2, String operation2) {
        JsonObject ownSchema = new JsonObject().put("type", "object").put("properties",
                new JsonObject().put(service.startsWith("posts") ? "id" : "caseId", new JsonObject().put("type", "string")));
        JsonObject itemResponse = new JsonObject().put("description", "OK").put("content", new JsonObject()
                .put("application/json", new JsonObject().put("schema",
                        new JsonObject().put("$ref", "#/components/schemas/Item"))));
        JsonObject first = new JsonObject().put(method1, new JsonObject().put("operationId", operation1)
                .put("responses", new JsonObject().put("200", itemResponse)));
        JsonObject second = new JsonObject().put(method2, new JsonObject().put("operationId", operation2)
                .put("responses", new JsonObject().put("201", new JsonObject().put("description", "Created"))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "DCIS " + service).put("version", "1.0.0"))
                .put("paths", new JsonObject().put(path1, first).put(path2, second))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Item", ownSchema)
                        .put("Problem", new JsonObject().put("type", "object"))));
    }
}
