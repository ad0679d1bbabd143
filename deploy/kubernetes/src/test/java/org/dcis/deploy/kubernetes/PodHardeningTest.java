package org.dcis.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's pod: non-root, read-only root filesystem with a writable /tmp, requests and limits, no secret values. */
class PodHardeningTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithAnEmptyDirTmp(String overlay) {
        for (String service : Repository.SERVICES.keySet()) {
            JsonNode pod = Rendered.one(overlay, "Deployment", service).path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(service).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).as(service).isEqualTo(ImagesTest.IMAGE_USER);
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(service).isFalse();
            JsonNode container = ConfigurationTest.container(overlay, service);
            JsonNode sc = container.path("securityContext");
            assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(service).isTrue();
            assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(service).isFalse();
            assertThat(sc.path("capabilities").path("drop").toString()).contains("\"ALL\"");
            JsonNode tmp = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                    .filter(m -> m.path("mountPath").asText().equals("/tmp")).findFirst().orElseThrow();
            JsonNode volume = StreamSupport.stream(pod.path("volumes").spliterator(), false)
                    .filter(v -> v.path("name").asText().equals(tmp.path("name").asText())).findFirst().orElseThrow();
            assertThat(volume.has("emptyDir")).as(service).isTrue();
            for (String kind : new String[] {"requests", "limits"}) {
                assertThat(container.path("resources").path(kind).path("memory").asText()).as("%s %s", service, kind).isNotEmpty();
            }
            assertThat(container.path("resources").path("requests").path("cpu").asText()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noSecretValueIsCommitted(String overlay) {
        assertThat(Rendered.ofKind(overlay, "Secret")).as("Secrets are created out of band (README)").isEmpty();
        for (String service : Repository.SERVICES.keySet()) {
            ConfigurationTest.env(overlay, service).forEach((name, value) -> {
                if (name.contains("PASSWORD") || name.contains("SECRET") || name.contains("CREDENTIALS")) {
                    assertThat(value).as("%s %s", service, name).startsWith("secret:");
                }
            });
        }
        // the local realm is the demo realm (deploy/keycloak), demo credentials included; production has none
        if (overlay.equals("production")) {
            assertThat(Rendered.renderText(overlay)).doesNotContain("-mission-secret").doesNotContain("\"demo\"")
                    .doesNotContain("value: demo");
        }
    }
}
