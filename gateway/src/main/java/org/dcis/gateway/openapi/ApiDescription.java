package org.dcis.gateway.openapi;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the OpenAPI documents of the services into one, as a client of the gateway sees the API: every
 * path under its public prefix, tags and components together. A schema name used by two services for
 * different shapes is renamed {@code <Service>_<Name>} in the second one (its $refs rewritten), so no
 * service silently describes another's body.
 */
public final class ApiDescription {
    private final ObjectNode merged;

    public ApiDescription(String title, String version) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        merged = f.objectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info").put("title", title).put("version", version);
        merged.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        merged.putObject("paths");
        merged.putArray("tags");
        merged.putObject("components");
        merged.putObject("x-dcis-sources");
    }

    /** Adds one service's document; its paths are published under {@code prefix}. */
    public ApiDescription add(String service, String prefix, JsonNode document) {
        return add(service, prefix, document, path -> prefix + ("/".equals(path) ? "" : path));
    }

    /** Adds one service's document; each of its paths is published where {@code publicPath} says. */
    public ApiDescription add(String service, String prefix, JsonNode document,
            java.util.function.UnaryOperator<String> publicPath) {
        ObjectNode doc = document.deepCopy();
        String label = Character.toUpperCase(service.charAt(0)) + service.substring(1).replaceAll("[^A-Za-z0-9]", "");
        ObjectNode components = (ObjectNode) merged.get("components");
        // First decide the renames, then rewrite the refs, then copy: a renamed schema may refer to another.
        Map<String, String> renames = new java.util.LinkedHashMap<>();
        doc.path("components").fields().forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(entry -> {
            JsonNode existing = components.path(kind.getKey()).get(entry.getKey());
            if (existing != null && !existing.equals(entry.getValue())) {
                renames.put("#/components/" + kind.getKey() + "/" + entry.getKey(),
                        "#/components/" + kind.getKey() + "/" + label + "_" + entry.getKey());
            }
        }));
        renames.forEach((from, to) -> rewriteRefs(doc, from, to));
        doc.path("components").fields().forEachRemaining(kind -> {
            ObjectNode ours = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                    : components.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(entry -> {
                String ref = "#/components/" + kind.getKey() + "/" + entry.getKey();
                String name = renames.containsKey(ref) ? label + "_" + entry.getKey() : entry.getKey();
                ours.set(name, entry.getValue());
            });
        });
        ObjectNode paths = (ObjectNode) merged.get("paths");
        doc.path("paths").fields().forEachRemaining(e -> paths.set(publicPath.apply(e.getKey()), e.getValue()));
        doc.path("tags").forEach(tag -> {
            boolean known = false;
            for (JsonNode existing : merged.get("tags")) {
                known |= existing.path("name").equals(tag.path("name"));
            }
            if (!known) {
                merged.withArray("tags").add(tag);
            }
        });
        if (doc.has("security") && !merged.has("security")) {
            merged.set("security", doc.get("security"));
        }
        ((ObjectNode) merged.get("x-dcis-sources")).putObject(service).put("prefix", prefix).put("status", "included");
        return this;
    }

    /** Records a service whose document could not be fetched, so a reader knows the description is partial. */
    public ApiDescription missing(String service, String prefix, String reason) {
        ((ObjectNode) merged.get("x-dcis-sources")).putObject(service).put("prefix", prefix)
                .put("status", "unavailable").put("reason", reason);
        return this;
    }

    public ObjectNode document() {
        return merged;
    }

    private static void rewriteRefs(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().equals(from)) {
                object.set("$ref", TextNode.valueOf(to));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, from, to));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> rewriteRefs(child, from, to));
        }
    }
}
