package org.dcis.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The realm imports of the overlays are the realm file, as RealmImports makes them: one source of truth. */
class RealmImportTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void committedImportIsGeneratedFromTheRealmFile(String overlay) {
        if (Boolean.getBoolean("dcis.realm.regenerate")) {
            RealmImports.write(overlay);
        }
        assertThat(RealmImports.file(overlay)).as("overlays/%s/realm-import.yaml is stale: regenerate it (-Ddcis.realm.regenerate=true)", overlay)
                .hasContent(RealmImports.generate(overlay));
    }

    @Test
    void localImportIsTheRealmWithItsDemoUsers() {
        JsonNode realm = Rendered.one("local", "KeycloakRealmImport", "dcis-realm").path("spec").path("realm");
        assertThat(realm).isEqualTo(RealmImports.realm());
        assertThat(usernames(realm)).contains("officer.dakar", "analyst.hq", "partner.eu");
    }

    @Test
    void productionImportHasNoDemoUserNoDemoClientNoLocalhostNoCommittedSecret() {
        JsonNode spec = Rendered.one("production", "KeycloakRealmImport", "dcis-realm").path("spec");
        JsonNode realm = spec.path("realm");
        assertThat(usernames(realm)).allMatch(u -> u.startsWith("service-account-"))
                .contains("service-account-eu-mission-system", "service-account-un-mission-system");
        assertThat(realm.path("users").toString()).doesNotContain("\"credentials\"");
        List<String> clients = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .map(c -> c.path("clientId").asText()).toList();
        assertThat(clients).doesNotContainAnyElementsOf(RealmImports.DEMO_CLIENTS)
                .contains("dcis-api", "dcis-dashboard", "eu-mission-system", "un-mission-system");
        assertThat(realm.toString()).doesNotContain("localhost").doesNotContain("-mission-secret");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                String secret = client.path("secret").asText();
                assertThat(secret).matches("\\$\\{[A-Z_]+}");
                String key = secret.substring(2, secret.length() - 1);
                assertThat(spec.path("placeholders").path(key).path("secret").path("name").asText())
                        .isEqualTo(RealmImports.CLIENT_SECRETS);
                assertThat(spec.path("placeholders").path(key).path("secret").path("key").asText())
                        .isEqualTo(client.path("clientId").asText());
            }
        }
        JsonNode dashboard = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asText().equals("dcis-dashboard")).findFirst().orElseThrow();
        assertThat(dashboard.path("redirectUris").get(0).asText()).isEqualTo(RealmImports.PRODUCTION_URL + "/*");
        // the dashboard's origin is the gateway's public address, the same as its Ingress and its CORS origin
        JsonNode ingress = Rendered.one("production", "Ingress", "gateway");
        assertThat("https://" + ingress.path("spec").path("rules").get(0).path("host").asText())
                .isEqualTo(RealmImports.PRODUCTION_URL);
        assertThat(ConfigurationTest.env("production", "gateway").get("DCIS_GATEWAY_DASHBOARD_ORIGIN"))
                .isEqualTo(RealmImports.PRODUCTION_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void importTargetsTheKeycloakOfTheOverlayAndTheRealmTheServicesTrust(String overlay) {
        JsonNode spec = Rendered.one(overlay, "KeycloakRealmImport", "dcis-realm").path("spec");
        assertThat(spec.path("keycloakCRName").asText()).isEqualTo(RealmImports.KEYCLOAK);
        Rendered.one(overlay, "Keycloak", RealmImports.KEYCLOAK);
        String realmName = spec.path("realm").path("realm").asText();
        for (String service : Repository.SERVICES.keySet()) {
            assertThat(ConfigurationTest.env(overlay, service).get("QUARKUS_OIDC_AUTH_SERVER_URL"))
                    .endsWith("/realms/" + realmName);
            assertThat(Repository.property(service, "quarkus.oidc.auth-server-url", "")).endsWith("/realms/" + realmName);
        }
    }

    private static List<String> usernames(JsonNode realm) {
        return StreamSupport.stream(realm.path("users").spliterator(), false).map(u -> u.path("username").asText()).toList();
    }
}
