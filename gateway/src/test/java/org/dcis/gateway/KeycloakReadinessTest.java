package org.dcis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.dcis.devstack.Ports;
import org.dcis.gateway.health.KeycloakReadiness;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Without a reachable realm the gateway is not ready (no Quarkus needed to show it). */
class KeycloakReadinessTest {
    @Test
    void anUnreachableRealmIsDown() {
        HealthCheckResponse response = new KeycloakReadiness("http://localhost:" + Ports.free() + "/realms/dcis").call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getName()).isEqualTo("Keycloak realm");
    }
}
