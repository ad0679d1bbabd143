package org.dcis.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the manifests say matches what the services read: their ports, their health paths, their images, the
 * environment variables they understand, the databases and roles they log in with, the topics they use, the
 * services and ports they call. Everything is read from the repository (application.properties, poms, sources).
 */
class ConfigurationTest {
    /** Read by the images' entry point (run-java.sh of the Dockerfiles), not by Quarkus. */
    static final Set<String> IMAGE_ENV = Set.of("JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO",
            "GC_CONTAINER_OPTIONS");

    /** The container's environment: envFrom ConfigMaps (as rendered, hash suffix and all), then env. */
    static Map<String, String> env(String overlay, String service) {
        JsonNode container = container(overlay, service);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.path("configMapRef").path("name").asText();
            JsonNode map = Rendered.one(overlay, "ConfigMap", name);
            map.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText()
                    : "secret:" + e.path("valueFrom").path("secretKeyRef").path("name").asText() + "/"
                            + e.path("valueFrom").path("secretKeyRef").path("key").asText());
        }
        return env;
    }

    static JsonNode container(String overlay, String service) {
        JsonNode containers = Rendered.one(overlay, "Deployment", service).path("spec").path("template").path("spec")
                .path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static int httpPort(String service) {
        return Integer.parseInt(Repository.property(service, "quarkus.http.port", "8080"));
    }

    /** The port health is served on: the management interface when enabled, else the HTTP port. */
    static int healthPort(String service) {
        Properties p = Repository.applicationProperties(service);
        return Boolean.parseBoolean(p.getProperty("quarkus.management.enabled", "false"))
                ? Integer.parseInt(p.getProperty("quarkus.management.port", "9000"))
                : httpPort(service);
    }

    /** /q/health/live and the like, from the root paths the service configures (Quarkus' defaults otherwise). */
    static String healthPath(String service, String probe) {
        Properties p = Repository.applicationProperties(service);
        boolean management = Boolean.parseBoolean(p.getProperty("quarkus.management.enabled", "false"));
        String root = management ? p.getProperty("quarkus.management.root-path", "/q")
                : p.getProperty("quarkus.http.non-application-root-path", "/q");
        String health = p.getProperty("quarkus.smallrye-health.root-path", "health");
        String leaf = p.getProperty("quarkus.smallrye-health." + probe + "-path", switch (probe) {
            case "liveness" -> "live";
            case "readiness" -> "ready";
            default -> "started";
        });
        return (root.endsWith("/") ? root : root + "/") + health + "/" + leaf;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void probesPointAtTheHealthEndpointsTheServicesServe(String overlay) {
        for (String service : Repository.SERVICES.keySet()) {
            assertThat(Repository.read(Repository.ROOT.resolve(service).resolve("pom.xml")))
                    .as("%s serves health (quarkus-smallrye-health)", service).contains("quarkus-smallrye-health");
            JsonNode container = container(overlay, service);
            Map<String, Integer> namedPorts = namedPorts(container);
            for (String[] probe : new String[][] {{"startupProbe", "startup"}, {"livenessProbe", "liveness"},
                    {"readinessProbe", "readiness"}}) {
                JsonNode get = container.path(probe[0]).path("httpGet");
                assertThat(get.isMissingNode()).as("%s %s %s", overlay, service, probe[0]).isFalse();
                assertThat(get.path("path").asText()).as("%s %s %s", overlay, service, probe[0])
                        .isEqualTo(healthPath(service, probe[1]));
                JsonNode port = get.path("port");
                int number = port.isInt() ? port.asInt() : namedPorts.getOrDefault(port.asText(), -1);
                assertThat(number).as("%s %s %s port", overlay, service, probe[0]).isEqualTo(healthPort(service));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void containerAndServicePortsAreTheServicesPorts(String overlay) {
        for (String service : Repository.SERVICES.keySet()) {
            Map<String, Integer> ports = namedPorts(container(overlay, service));
            assertThat(ports.get("http")).as("%s http", service).isEqualTo(httpPort(service));
            if (healthPort(service) != httpPort(service)) {
                assertThat(ports.get("management")).as("%s management", service).isEqualTo(healthPort(service));
            }
            JsonNode svc = Rendered.one(overlay, "Service", service);
            Map<String, Integer> servicePorts = StreamSupport.stream(svc.path("spec").path("ports").spliterator(), false)
                    .collect(Collectors.toMap(p -> p.path("name").asText(), p -> p.path("port").asInt()));
            assertThat(servicePorts).containsAllEntriesOf(ports);
            assertThat(svc.path("spec").path("selector").path("app.kubernetes.io/name").asText()).isEqualTo(service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyImageIsTheServicesOneImageName(String overlay) {
        for (String service : Repository.SERVICES.keySet()) {
            assertThat(container(overlay, service).path("image").asText()).isEqualTo(ImagesTest.image(service));
        }
    }

    /** run-java.sh's default collector is Parallel GC; the services run the Serial one, as on the local stack. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceRunsTheSerialCollector(String overlay) {
        for (String service : Repository.SERVICES.keySet()) {
            assertThat(env(overlay, service)).as("%s %s", overlay, service)
                    .containsEntry("GC_CONTAINER_OPTIONS", "-XX:+UseSerialGC");
            assertThat(Repository.read(ImagesTest.dockerfile(service))).as(service)
                    .contains("ENV GC_CONTAINER_OPTIONS=\"-XX:+UseSerialGC\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyEnvironmentVariableIsOneTheServiceReads(String overlay) {
        for (String service : Repository.SERVICES.keySet()) {
            Set<String> known = Repository.applicationProperties(service).stringPropertyNames().stream()
                    .filter(k -> !k.startsWith("%")).map(Repository::envName).collect(Collectors.toSet());
            for (String name : env(overlay, service).keySet()) {
                assertThat(known.contains(name) || IMAGE_ENV.contains(name))
                        .as("%s: %s sets %s, which maps to no key of its application.properties", overlay, service, name)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void servicesUseTheirDatabaseWithTheirRoleFromOneSecret(String overlay) {
        JsonNode cluster = Rendered.one(overlay, "Cluster", "dcis-postgres");
        Map<String, String> roleSecrets = StreamSupport.stream(cluster.path("spec").path("managed").path("roles")
                .spliterator(), false).collect(Collectors.toMap(r -> r.path("name").asText(),
                        r -> r.path("passwordSecret").path("name").asText()));
        Map<String, String> databaseOwners = Rendered.ofKind(overlay, "Database").stream()
                .filter(d -> d.path("spec").path("cluster").path("name").asText().equals("dcis-postgres"))
                .collect(Collectors.toMap(d -> d.path("spec").path("name").asText(), d -> d.path("spec").path("owner").asText()));
        for (Map.Entry<String, String> entry : Repository.SERVICES.entrySet()) {
            String service = entry.getKey();
            if (entry.getValue().isEmpty()) {
                assertThat(env(overlay, service)).doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL");
                continue;
            }
            Properties p = Repository.applicationProperties(service);
            String database = URI.create(p.getProperty("quarkus.datasource.jdbc.url").substring("jdbc:".length())).getPath()
                    .substring(1);
            String role = p.getProperty("quarkus.datasource.username");
            assertThat(database).isEqualTo(entry.getValue());
            Map<String, String> env = env(overlay, service);
            URI url = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
            assertThat(url.getHost()).isEqualTo("dcis-postgres-rw");
            assertThat(url.getPort()).isEqualTo(5432);
            assertThat(url.getPath()).isEqualTo("/" + database);
            assertThat(databaseOwners).containsEntry(database, role);
            String secret = roleSecrets.get(role);
            assertThat(secret).as("managed role %s", role).isNotNull();
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo("secret:" + secret + "/username");
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("secret:" + secret + "/password");
        }
        // Keycloak's own database and role, from its own Secret
        JsonNode db = Rendered.one(overlay, "Keycloak", "dcis-keycloak").path("spec").path("db");
        assertThat(databaseOwners).containsEntry(db.path("database").asText(), "keycloak");
        assertThat(db.path("usernameSecret").path("name").asText()).isEqualTo(roleSecrets.get("keycloak"));
        assertThat(db.path("host").asText()).isEqualTo("dcis-postgres-rw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyTopicTheServicesUseExistsWithItsSettingsAndNoOther(String overlay) {
        TreeSet<String> used = new TreeSet<>();
        for (String service : List.of("posts-service", "cooperation-service")) {
            used.addAll(Repository.topicsOf(service));
        }
        assertThat(used).contains("dcis.posts.v1", "dcis.cooperation.v1", "dcis.cooperation.dead-letter.v1",
                "dcis.partner.eu.v1", "dcis.partner.un.v1");
        Map<String, JsonNode> topics = Rendered.ofKind(overlay, "KafkaTopic").stream()
                .collect(Collectors.toMap(t -> t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText()),
                        t -> t));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(used);
        // settings of a topic, from whichever service writes it (the outbox relay creates the topics it writes)
        for (String topic : used) {
            JsonNode spec = topics.get(topic).path("spec");
            String prefix = "dcis.outbox.topics.\"" + topic + "\".";
            boolean compacted = false;
            for (String service : List.of("posts-service", "cooperation-service")) {
                Properties p = Repository.applicationProperties(service);
                if (p.containsKey(prefix + "partitions")) {
                    assertThat(spec.path("partitions").asInt()).as(topic).isEqualTo(Integer.parseInt(p.getProperty(prefix + "partitions")));
                }
                compacted |= Boolean.parseBoolean(p.getProperty(prefix + "compacted", "false"));
            }
            assertThat(spec.path("config").path("cleanup.policy").asText()).as(topic).isEqualTo(compacted ? "compact" : "delete");
            if (!compacted) {
                assertThat(spec.path("config").path("retention.ms").asLong()).as("%s retention", topic).isPositive();
            }
            assertThat(topics.get(topic).path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo("dcis-kafka");
        }
        assertThat(topics.get("dcis.posts.v1").path("spec").path("config").path("cleanup.policy").asText()).isEqualTo("compact");
        // the relay's replication factor, when a service sets it for the cluster, is the topic's
        for (String service : List.of("posts-service", "cooperation-service")) {
            env(overlay, service).forEach((name, value) -> {
                if (name.startsWith("DCIS_OUTBOX_TOPICS__") && name.endsWith("__REPLICATION_FACTOR")) {
                    String topic = topics.keySet().stream().filter(t -> name.equals(Repository.envName(
                            "dcis.outbox.topics.\"" + t + "\".replication-factor"))).findFirst().orElseThrow();
                    assertThat(topics.get(topic).path("spec").path("replicas").asInt()).isEqualTo(Integer.parseInt(value));
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void servicesReachKafkaKeycloakAndEachOtherWhereTheyAre(String overlay) {
        JsonNode kafka = Rendered.one(overlay, "Kafka", "dcis-kafka");
        JsonNode plain = StreamSupport.stream(kafka.path("spec").path("kafka").path("listeners").spliterator(), false)
                .filter(l -> !l.path("tls").asBoolean()).findFirst().orElseThrow();
        String bootstrap = "dcis-kafka-kafka-bootstrap:" + plain.path("port").asInt();
        for (String service : List.of("posts-service", "cooperation-service")) {
            assertThat(env(overlay, service).get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(bootstrap);
        }
        JsonNode keycloak = Rendered.one(overlay, "Keycloak", "dcis-keycloak").path("spec");
        for (String service : Repository.SERVICES.keySet()) {
            assertThat(env(overlay, service).get("QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo(
                    "http://dcis-keycloak-service:" + keycloak.path("http").path("httpPort").asInt(8080) + "/realms/dcis");
        }
        assertThat(keycloak.path("http").path("httpEnabled").asBoolean()).isTrue();
        Map<String, String> gateway = env(overlay, "gateway");
        for (String service : List.of("posts-service", "cooperation-service")) {
            String key = service.replace("-service", "").toUpperCase();
            assertThat(gateway.get("DCIS_GATEWAY_" + key + "_URL")).isEqualTo("http://" + service + ":" + httpPort(service));
            assertThat(gateway.get("DCIS_GATEWAY_" + key + "_MANAGEMENT_URL"))
                    .isEqualTo("http://" + service + ":" + healthPort(service));
        }
    }

    static Map<String, Integer> namedPorts(JsonNode container) {
        return StreamSupport.stream(container.path("ports").spliterator(), false)
                .collect(Collectors.toMap(p -> p.path("name").asText(), p -> p.path("containerPort").asInt()));
    }
}
