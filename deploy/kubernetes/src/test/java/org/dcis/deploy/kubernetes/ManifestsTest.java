package org.dcis.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of both overlays is a known kind and parses into its typed model with no field the model does not
 * know (fabric8 for Kubernetes, io.strimzi:api for Strimzi); the operators' resources also pass the CRD schemas of
 * src/test/resources/crds (for CloudNativePG and Keycloak, the only check: there is no Java model of them here).
 */
class ManifestsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Typed models: (apiVersion, kind) -> class. */
    private static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 Service", Service.class),
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1 Ingress", Ingress.class),
            Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1 Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1 KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1 KafkaTopic", KafkaTopic.class));

    /** CRD schemas: (apiVersion, kind) -> CRD file (see crds/SOURCES.md). */
    private static final Map<String, String> SCHEMAS = Map.of(
            "kafka.strimzi.io/v1 Kafka", "040-Crd-kafka.yaml",
            "kafka.strimzi.io/v1 KafkaTopic", "043-Crd-kafkatopic.yaml",
            "kafka.strimzi.io/v1 KafkaNodePool", "045-Crd-kafkanodepool.yaml",
            "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io/v1 Database", "postgresql.cnpg.io_databases.yaml",
            "k8s.keycloak.org/v2alpha1 Keycloak", "keycloaks.k8s.keycloak.org-v1.yml",
            "k8s.keycloak.org/v2alpha1 KeycloakRealmImport", "keycloakrealmimports.k8s.keycloak.org-v1.yml");

    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectIsOfAKnownKindAndNamespaced(String overlay) {
        assertThat(Rendered.overlay(overlay)).isNotEmpty();
        for (JsonNode object : Rendered.overlay(overlay)) {
            String type = object.path("apiVersion").asText() + " " + object.path("kind").asText();
            assertThat(TYPED.containsKey(type) || SCHEMAS.containsKey(type)).as("%s: no model nor schema for %s", overlay, type)
                    .isTrue();
            assertThat(object.path("metadata").path("namespace").asText()).as(Rendered.id(object)).isEqualTo("dcis");
            assertThat(object.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
                    .as(Rendered.id(object)).isEqualTo("dcis");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectParsesIntoItsTypedModelWithNoUnknownField(String overlay) throws IOException {
        int typed = 0;
        for (JsonNode object : Rendered.overlay(overlay)) {
            Class<?> model = TYPED.get(object.path("apiVersion").asText() + " " + object.path("kind").asText());
            if (model == null) {
                continue;
            }
            Object parsed = MAPPER.treeToValue(object, model);
            List<String> unknown = new ArrayList<>();
            unknownFields(parsed, Rendered.id(object), unknown, new IdentityHashMap<>());
            assertThat(unknown).as("%s: fields the model does not know", overlay).isEmpty();
            typed++;
        }
        assertThat(typed).isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void operatorResourcesPassTheirCrdSchemas(String overlay) {
        int checked = 0;
        for (JsonNode object : Rendered.overlay(overlay)) {
            String type = object.path("apiVersion").asText() + " " + object.path("kind").asText();
            String crd = SCHEMAS.get(type);
            if (crd == null) {
                continue;
            }
            JsonSchema schema = COMPILED.computeIfAbsent(type, t -> schema(crd, object.path("apiVersion").asText()));
            Set<ValidationMessage> errors = schema.validate(object);
            assertThat(errors).as("%s: %s against %s", overlay, Rendered.id(object), crd).isEmpty();
            checked++;
        }
        assertThat(checked).as("operator resources in %s", overlay).isGreaterThanOrEqualTo(12);
    }

    /** The schemas are strict where the API server is: an unknown field of a typed object fails the check. */
    @org.junit.jupiter.api.Test
    void schemaCheckRefusesAMisspeltField() {
        JsonNode cluster = Rendered.one("local", "Cluster", "dcis-postgres").deepCopy();
        ((ObjectNode) cluster.path("spec")).put("instance", 3);
        JsonSchema schema = schema("postgresql.cnpg.io_clusters.yaml", "postgresql.cnpg.io/v1");
        assertThat(schema.validate(cluster)).isNotEmpty();
        JsonNode keycloak = Rendered.one("local", "Keycloak", "dcis-keycloak").deepCopy();
        ((ObjectNode) keycloak.path("spec").path("db")).put("passwordSecret", "plain");
        assertThat(schema("keycloaks.k8s.keycloak.org-v1.yml", "k8s.keycloak.org/v2alpha1").validate(keycloak)).isNotEmpty();
    }

    /** The openAPIV3Schema of the CRD's version, closed where Kubernetes prunes or refuses unknown fields. */
    static JsonSchema schema(String crdFile, String apiVersion) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        JsonNode crd;
        try (var in = ManifestsTest.class.getResourceAsStream("/crds/" + crdFile)) {
            assertThat(in).as("CRD %s on the test class path", crdFile).isNotNull();
            crd = Rendered.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode openApi = null;
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(version)) {
                openApi = v.path("schema").path("openAPIV3Schema").deepCopy();
            }
        }
        assertThat(openApi).as("%s has no version %s", crdFile, version).isNotNull();
        // some CRDs leave the envelope out of their schema: the API server checks it itself
        ObjectNode envelope = ((ObjectNode) openApi).with("properties");
        envelope.putIfAbsent("apiVersion", Rendered.YAML.createObjectNode().put("type", "string"));
        envelope.putIfAbsent("kind", Rendered.YAML.createObjectNode().put("type", "string"));
        envelope.putIfAbsent("metadata", Rendered.YAML.createObjectNode().put("type", "object"));
        close(openApi);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi);
    }

    /**
     * Kubernetes keeps only declared fields (and `kubectl apply` refuses unknown ones: strict field validation), unless
     * x-kubernetes-preserve-unknown-fields; here an undeclared field is an error. The int-or-string marker becomes a
     * plain "anything" (the schema then has no type), and OpenAPI's nullable is honoured.
     */
    private static void close(JsonNode node) {
        if (node instanceof ObjectNode o) {
            boolean preserve = o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (o.has("properties") && !o.has("additionalProperties") && !preserve) {
                o.put("additionalProperties", false);
            }
            if (o.path("nullable").asBoolean(false) && o.has("type")) {
                String type = o.get("type").asText();
                o.putArray("type").add(type).add("null");
            }
            o.fields().forEachRemaining(e -> close(e.getValue()));
        } else if (node != null && node.isArray()) {
            node.forEach(ManifestsTest::close);
        }
    }

    /** Walks a parsed model and collects every additionalProperties entry: the fields its class does not declare. */
    static void unknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = m.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(child, path + "." + m.getName().substring(3), unknown, seen);
            }
        }
    }
}
