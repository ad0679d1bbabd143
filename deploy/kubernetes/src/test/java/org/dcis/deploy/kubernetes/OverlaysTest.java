package org.dcis.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** What production adds to the base, and what local keeps small. */
class OverlaysTest {

    @Test
    void productionRunsTwoReplicasOrMoreSpreadProtectedAndScaled() {
        for (String service : Repository.SERVICES.keySet()) {
            JsonNode deployment = Rendered.one("production", "Deployment", service);
            assertThat(deployment.path("spec").path("replicas").asInt()).as(service).isGreaterThanOrEqualTo(2);
            JsonNode terms = deployment.path("spec").path("template").path("spec").path("affinity").path("podAntiAffinity")
                    .path("preferredDuringSchedulingIgnoredDuringExecution");
            assertThat(terms.toString()).as(service).contains("kubernetes.io/hostname").contains("\"" + service + "\"");
            JsonNode pdb = Rendered.one("production", "PodDisruptionBudget", service).path("spec");
            assertThat(pdb.path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo(service);
            assertThat(pdb.path("maxUnavailable").asInt()).isEqualTo(1);
            JsonNode hpa = Rendered.one("production", "HorizontalPodAutoscaler", service).path("spec");
            assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(service);
            assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
            assertThat(hpa.path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.path("maxReplicas").asInt()).isGreaterThan(hpa.path("minReplicas").asInt());
        }
        assertThat(Rendered.one("production", "KafkaNodePool", "dual").path("spec").path("replicas").asInt()).isEqualTo(3);
        for (JsonNode topic : Rendered.ofKind("production", "KafkaTopic")) {
            assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        }
        assertThat(Rendered.one("production", "Cluster", "dcis-postgres").path("spec").path("instances").asInt()).isEqualTo(3);
        JsonNode keycloak = Rendered.one("production", "Keycloak", "dcis-keycloak").path("spec");
        assertThat(keycloak.path("instances").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(keycloak.path("hostname").path("hostname").asText()).startsWith("https://");
        assertThat(keycloak.path("http").path("tlsSecret").asText()).isNotEmpty();
    }

    @Test
    void localRunsOneOfEachWithoutAutoscalers() {
        for (String service : Repository.SERVICES.keySet()) {
            assertThat(Rendered.one("local", "Deployment", service).path("spec").path("replicas").asInt()).isEqualTo(1);
        }
        assertThat(Rendered.ofKind("local", "HorizontalPodAutoscaler")).isEmpty();
        assertThat(Rendered.ofKind("local", "PodDisruptionBudget")).isEmpty();
        assertThat(Rendered.ofKind("local", "Ingress")).isEmpty();
        assertThat(Rendered.one("local", "KafkaNodePool", "dual").path("spec").path("replicas").asInt()).isEqualTo(1);
        // the versions of the infrastructure are the ones the suite is built and tested with
        JsonNode kafka = Rendered.one("local", "Kafka", "dcis-kafka").path("spec").path("kafka");
        assertThat(kafka.path("version").asText()).startsWith(Repository.pomProperty("kafka.version").substring(0, 4));
        assertThat(Rendered.one("local", "Keycloak", "dcis-keycloak").path("spec").path("image").asText())
                .isEqualTo("quay.io/keycloak/keycloak:" + Repository.pomProperty("keycloak.version"));
        assertThat(Rendered.one("local", "Cluster", "dcis-postgres").path("spec").path("imageName").asText())
                .contains(":" + Repository.pomProperty("postgres-binaries.version").split("\\.")[0] + ".");
    }
}
