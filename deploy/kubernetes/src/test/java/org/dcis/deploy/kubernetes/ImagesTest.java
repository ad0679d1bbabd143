package org.dcis.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * One image name per service, the same everywhere: the Dockerfiles, the Jib profile of the root pom, the
 * Kubernetes manifests (ConfigurationTest) and the compose file. No Docker engine nor registry here: the build is
 * checked structurally.
 */
class ImagesTest {
    static final String REGISTRY = "ghcr.io";
    static final String GROUP = "dcis";
    static final int IMAGE_USER = 185;

    /** ghcr.io/dcis/<module>:<project version>. */
    static String image(String service) {
        return REGISTRY + "/" + GROUP + "/" + service + ":" + Repository.projectVersion();
    }

    static Path dockerfile(String service) {
        return Repository.ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
    }

    @Test
    void eachServiceHasADockerfileOfTheFastJarLayoutRunAsANonRootUser() {
        for (String service : Repository.SERVICES.keySet()) {
            String dockerfile = Repository.read(dockerfile(service));
            List<String> instructions = dockerfile.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            assertThat(instructions.get(0)).isEqualTo("FROM " + baseImage());
            for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
                assertThat(instructions).as("%s copies target/quarkus-app/%s", service, part)
                        .anyMatch(l -> l.startsWith("COPY --chown=" + IMAGE_USER + " target/quarkus-app/" + part + " "));
            }
            assertThat(instructions).contains("USER " + IMAGE_USER);
            assertThat(instructions).anyMatch(l -> l.equals("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""));
            assertThat(instructions.get(instructions.size() - 1)).startsWith("ENTRYPOINT ").contains("run-java.sh");
            List<Integer> exposed = new ArrayList<>();
            instructions.stream().filter(l -> l.startsWith("EXPOSE ")).forEach(l -> {
                for (String port : l.substring(7).trim().split("\\s+")) {
                    exposed.add(Integer.parseInt(port));
                }
            });
            List<Integer> expected = new ArrayList<>(List.of(ConfigurationTest.httpPort(service)));
            if (ConfigurationTest.healthPort(service) != ConfigurationTest.httpPort(service)) {
                expected.add(ConfigurationTest.healthPort(service));
            }
            assertThat(exposed).as(service).containsExactlyElementsOf(expected);
            assertThat(Repository.read(Repository.ROOT.resolve(service).resolve(".dockerignore")))
                    .contains("!target/quarkus-app/");
        }
    }

    @Test
    void jibProfileBuildsTheSameImagesOnTheSameBaseAsTheSameUser() {
        Element profile = Repository.children(Repository.child(Repository.rootPom().getDocumentElement(), "profiles"), "profile")
                .stream().filter(p -> "container-image".equals(Repository.childText(p, "id"))).findFirst().orElseThrow();
        Element properties = Repository.child(profile, "properties");
        assertThat(Repository.childText(properties, "quarkus.container-image.registry")).isEqualTo(REGISTRY);
        assertThat(Repository.childText(properties, "quarkus.container-image.group")).isEqualTo(GROUP);
        assertThat(Repository.childText(properties, "quarkus.container-image.name")).isEqualTo("${project.artifactId}");
        assertThat(Repository.childText(properties, "quarkus.container-image.tag")).isEqualTo("${project.version}");
        assertThat(Repository.childText(properties, "quarkus.jib.base-jvm-image")).isEqualTo(baseImage());
        assertThat(Repository.childText(properties, "quarkus.jib.user")).isEqualTo(String.valueOf(IMAGE_USER));
        // active only where there is an image: the modules with a Dockerfile.jvm, which are the services
        Element activation = Repository.child(profile, "activation");
        assertThat(Repository.childText(Repository.child(activation, "file"), "exists"))
                .isEqualTo("${basedir}/src/main/docker/Dockerfile.jvm");
        String jib = Repository.childText(Repository.child(Repository.child(profile, "dependencies"), "dependency"), "artifactId");
        assertThat(jib).isEqualTo("quarkus-container-image-jib");
        for (String service : Repository.SERVICES.keySet()) {
            // ${project.artifactId} is the service's name
            assertThat(Repository.read(Repository.ROOT.resolve(service).resolve("pom.xml")))
                    .contains("<artifactId>" + service + "</artifactId>");
        }
    }

    @Test
    void composeRunsTheSameImagesAndTheSameInfrastructureVersions() {
        JsonNode services = compose().path("services");
        for (String service : Repository.SERVICES.keySet()) {
            JsonNode s = services.path(service);
            assertThat(s.path("image").asText()).as(service).isEqualTo(image(service));
            assertThat(s.path("build").path("context").asText()).isEqualTo("../../" + service);
            assertThat(s.path("build").path("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
            assertThat(s.path("read_only").asBoolean()).as(service).isTrue();
            assertThat(s.path("tmpfs").toString()).as(service).contains("/tmp");
        }
        // only the gateway (and Keycloak, for logins) publish a port on the host
        services.fields().forEachRemaining(e -> {
            if (e.getValue().has("ports")) {
                assertThat(e.getKey()).isIn("gateway", "keycloak");
            }
        });
        assertThat(services.path("gateway").path("ports").toString()).contains(":" + ConfigurationTest.httpPort("gateway") + "\"");
        assertThat(services.path("postgres").path("image").asText())
                .isEqualTo("postgres:" + Repository.pomProperty("postgres-binaries.version").split("\\.")[0]);
        assertThat(services.path("kafka").path("image").asText())
                .isEqualTo("apache/kafka:" + Repository.pomProperty("kafka.version"));
        assertThat(services.path("keycloak").path("image").asText())
                .isEqualTo("quay.io/keycloak/keycloak:" + Repository.pomProperty("keycloak.version"));
        assertThat(services.path("keycloak").path("volumes").toString()).contains("../keycloak:/opt/keycloak/data/import");
        assertThat(services.path("keycloak").path("command").toString()).contains("start-dev").contains("--import-realm");
    }

    @Test
    void composeEnvironmentIsWhatTheServicesRead() {
        JsonNode services = compose().path("services");
        for (String service : Repository.SERVICES.keySet()) {
            Set<String> known = Repository.applicationProperties(service).stringPropertyNames().stream()
                    .filter(k -> !k.startsWith("%")).map(Repository::envName).collect(Collectors.toSet());
            services.path(service).path("environment").fieldNames().forEachRemaining(name -> assertThat(
                    known.contains(name) || ConfigurationTest.IMAGE_ENV.contains(name)).as("%s %s", service, name).isTrue());
        }
        Map<String, String> gateway = new HashMap<>();
        services.path("gateway").path("environment").fields().forEachRemaining(e -> gateway.put(e.getKey(), e.getValue().asText()));
        for (String service : List.of("posts-service", "cooperation-service")) {
            String key = service.replace("-service", "").toUpperCase();
            assertThat(gateway.get("DCIS_GATEWAY_" + key + "_URL")).isEqualTo("http://" + service + ":" + ConfigurationTest.httpPort(service));
            assertThat(gateway.get("DCIS_GATEWAY_" + key + "_MANAGEMENT_URL"))
                    .isEqualTo("http://" + service + ":" + ConfigurationTest.healthPort(service));
            JsonNode env = services.path(service).path("environment");
            String database = Repository.SERVICES.get(service);
            assertThat(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            assertThat(env.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
        }
        // every topic the services use is created by the compose file's topic job, the posts topic compacted
        String init = services.path("kafka-topics").toString();
        for (String service : List.of("posts-service", "cooperation-service")) {
            for (String topic : Repository.topicsOf(service)) {
                assertThat(init).as("compose creates %s", topic).contains("--topic " + topic + " ");
            }
        }
        Matcher posts = Pattern.compile("--topic dcis\\.posts\\.v1 [^;&]*cleanup\\.policy=compact").matcher(init);
        assertThat(posts.find()).as("dcis.posts.v1 compacted in compose").isTrue();
    }

    static JsonNode compose() {
        try {
            return Rendered.YAML.readTree(Repository.ROOT.resolve("deploy/compose/compose.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String baseImage() {
        Matcher m = Pattern.compile("(?m)^FROM (\\S+)").matcher(Repository.read(dockerfile("gateway")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
