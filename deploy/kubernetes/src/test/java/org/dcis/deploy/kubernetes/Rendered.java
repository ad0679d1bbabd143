package org.dcis.deploy.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** An overlay as `kubectl kustomize` renders it: what `kubectl apply -k` would send, one tree per object. */
final class Rendered {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final List<String> OVERLAYS = List.of("local", "production");
    private static final Map<String, List<JsonNode>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    /** kubectl from the property dcis.kubectl, else the environment's KUBECTL, else the PATH. */
    static String kubectl() {
        String configured = System.getProperty("dcis.kubectl", System.getenv("KUBECTL"));
        return configured == null || configured.isBlank() ? "kubectl" : configured;
    }

    static List<JsonNode> overlay(String name) {
        return CACHE.computeIfAbsent(name, Rendered::render);
    }

    static String renderText(String overlay) {
        if (Boolean.getBoolean("dcis.realm.regenerate")) {
            RealmImports.write(overlay);
        }
        Path dir = Repository.KUBERNETES.resolve("overlays").resolve(overlay);
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            Process process;
            try {
                process = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("kubectl (with kustomize 5) is needed to render the overlays: not found as '"
                        + kubectl() + "'. .ci/run installs it on a machine that lacks it; or set -Ddcis.kubectl=/path.", e);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            String error = Files.readString(err, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed (" + process.exitValue() + "): " + error);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> render(String overlay) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(renderText(overlay))) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize output of " + overlay + " is not YAML", e);
        }
        return objects;
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return overlay(overlay).stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode one(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String id(JsonNode object) {
        return object.path("apiVersion").asText() + " " + object.path("kind").asText() + " "
                + object.path("metadata").path("name").asText();
    }
}
