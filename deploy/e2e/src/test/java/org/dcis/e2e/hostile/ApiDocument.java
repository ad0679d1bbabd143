package org.dcis.e2e.hostile;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a service says about itself in its OpenAPI document: every operation, its parameters, its request
 * body schema (with {@code $ref}s followed), its examples and the roles its {@code security} requirement
 * names. The generator works from this only: there is no list of endpoints anywhere else.
 */
final class ApiDocument {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * A service of the suite: where it answers directly, its prefix at the gateway, and the first segments of its
     * paths the gateway publishes under a route of their own ({@code /dashboard/...} as {@code /api/dashboard/...}).
     */
    record Service(String name, URI direct, String gatewayPrefix, Set<String> ownRoutes) {
        Service(String name, URI direct, String gatewayPrefix) {
            this(name, direct, gatewayPrefix, Set.of());
        }

        Service withOwnRoutes(Set<String> routes) {
            return new Service(name, direct, gatewayPrefix, Set.copyOf(routes));
        }

        /** What the gateway puts before a path of this service. */
        String prefixFor(String path) {
            String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
            return ownRoutes.contains(first) ? "/api" : gatewayPrefix;
        }
    }

    record Param(String name, String in, JsonNode schema, boolean required, String example) {
        String type() {
            return schema.path("type").asText("string");
        }
    }

    record Operation(Service service, String method, String path, List<Param> params, JsonNode bodySchema,
            JsonNode bodyExample, boolean bodyRequired, List<String> roles, boolean secured, JsonNode okSchema, String summary, List<String> statuses) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + service.prefixFor(path) + path;
        }

        boolean hasBody() {
            return bodySchema != null;
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        boolean hasHeader(String name) {
            return params.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }

        boolean isRead() {
            return method.equals("get");
        }

        /** Path parameters in order of appearance. */
        List<String> pathParamNames() {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    final Service service;
    final JsonNode document;
    final List<Operation> operations = new ArrayList<>();

    ApiDocument(Service service, JsonNode document) {
        this.service = service;
        this.document = document;
        Map<String, JsonNode> sorted = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> path : sorted.entrySet()) {
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            Map<String, JsonNode> byMethod = new TreeMap<>();
            path.getValue().fields().forEachRemaining(e -> {
                if (METHODS.contains(e.getKey())) {
                    byMethod.put(e.getKey(), e.getValue());
                }
            });
            for (Map.Entry<String, JsonNode> op : byMethod.entrySet()) {
                operations.add(operation(path.getKey(), op.getKey(), op.getValue(), shared));
            }
        }
    }

    private Operation operation(String path, String method, JsonNode op, List<JsonNode> shared) {
        List<Param> params = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>(shared);
        op.path("parameters").forEach(all::add);
        for (JsonNode p : all) {
            JsonNode param = resolve(p);
            JsonNode schema = resolve(param.path("schema"));
            String example = param.has("example") ? param.get("example").asText()
                    : schema.has("example") ? schema.get("example").asText()
                    : schema.path("examples").isArray() && schema.path("examples").size() > 0 ? schema.path("examples").get(0).asText()
                    : null;
            params.add(new Param(param.path("name").asText(), param.path("in").asText(), schema,
                    param.path("required").asBoolean(false), example));
        }
        JsonNode bodySchema = null;
        JsonNode bodyExample = null;
        boolean bodyRequired = false;
        JsonNode requestBody = resolve(op.path("requestBody"));
        if (!requestBody.isMissingNode() && requestBody.has("content")) {
            bodyRequired = requestBody.path("required").asBoolean(false);
            JsonNode content = requestBody.path("content");
            JsonNode media = content.has("application/json") ? content.get("application/json") : content.elements().next();
            bodySchema = media.has("schema") ? resolve(media.get("schema")) : JsonNodeFactory.instance.objectNode();
            if (media.has("example")) {
                bodyExample = media.get("example");
            } else if (media.path("examples").isObject() && media.path("examples").size() > 0) {
                bodyExample = resolve(media.path("examples").elements().next()).path("value");
                if (bodyExample.isMissingNode()) {
                    bodyExample = null;
                }
            }
        }
        List<String> roles = new ArrayList<>();
        boolean secured = op.has("security");
        op.path("security").forEach(requirement -> requirement.fields().forEachRemaining(
                scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        List<String> statuses = new ArrayList<>();
        op.path("responses").fieldNames().forEachRemaining(statuses::add);
        JsonNode ok = op.path("responses").path("200").path("content").path("application/json").path("schema");
        return new Operation(service, method, path, List.copyOf(params), bodySchema, bodyExample, bodyRequired,
                List.copyOf(roles), secured, ok.isMissingNode() ? null : resolve(ok), op.path("summary").asText(""), statuses);
    }

    /**
     * The schema with its {@code $ref} followed, the keywords written next to the {@code $ref} (examples,
     * description) laid over the target. Properties and items are resolved lazily by {@link #resolve} too.
     */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        int hops = 0;
        while (current != null && current.isObject() && current.has("$ref") && hops++ < 16) {
            String ref = current.get("$ref").asText();
            JsonNode target = document;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> siblings = current.fields();
            while (siblings.hasNext()) {
                Map.Entry<String, JsonNode> s = siblings.next();
                if (!s.getKey().equals("$ref")) {
                    merged.set(s.getKey(), s.getValue());
                }
            }
            if (!merged.has("x-schema-name") && ref.startsWith("#/components/schemas/")) {
                merged.put("x-schema-name", ref.substring("#/components/schemas/".length()));
            }
            current = merged;
        }
        return current == null ? JsonNodeFactory.instance.missingNode() : current;
    }
}
