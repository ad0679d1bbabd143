package org.dcis.devstack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a service's OIDC at a real Keycloak serving the dcis realm. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        var keycloak = SharedServers.keycloak();
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak.issuer(),
                "dcis.test.keycloak-issuer", keycloak.issuer());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; SharedServers stops it at exit
    }
}
