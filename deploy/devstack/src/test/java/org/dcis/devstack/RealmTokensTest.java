package org.dcis.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.dcis.devstack.testing.SharedServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The realm of deploy/keycloak, imported into a real Keycloak, issues the tokens the services rely on. */
class RealmTokensTest {
    static KeycloakTokens tokens;

    @BeforeAll
    static void keycloak() {
        tokens = new KeycloakTokens(SharedServers.keycloak().issuer());
    }

    @Test
    void officerTokensCarryAudienceRoleAndPost() {
        JsonNode claims = KeycloakTokens.claims(tokens.accessToken("officer.dakar"));
        assertThat(strings(claims.path("aud"))).contains("dcis-api");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("officer");
        assertThat(claims.path("post_id").asText()).isEqualTo("SN-DAKAR");
        assertThat(claims.path("typ").asText()).isEqualTo("Bearer");
        assertThat(claims.path("iss").asText()).isEqualTo(SharedServers.keycloak().issuer());

        assertThat(KeycloakTokens.claims(tokens.accessToken("officer.bogota")).path("post_id").asText())
                .isEqualTo("CO-BOGOTA");
    }

    @Test
    void everyRoleHasADemoUserWithTheAudience() {
        List.of("analyst.hq:hq-analyst", "admin.registry:registry-admin", "partner.eu:partner-eu",
                "partner.un:partner-un").forEach(pair -> {
                    String[] userAndRole = pair.split(":");
                    JsonNode claims = KeycloakTokens.claims(tokens.accessToken(userAndRole[0]));
                    assertThat(strings(claims.path("aud"))).contains("dcis-api");
                    assertThat(strings(claims.path("realm_access").path("roles"))).contains(userAndRole[1]);
                    assertThat(claims.has("post_id")).as("post_id of %s", userAndRole[0]).isFalse();
                });
    }

    @Test
    void missionSystemsGetPartnerRolesByClientCredentials() {
        JsonNode eu = KeycloakTokens.claims(tokens.clientToken("eu-mission-system", "eu-mission-secret"));
        assertThat(strings(eu.path("aud"))).contains("dcis-api");
        assertThat(strings(eu.path("realm_access").path("roles"))).contains("partner-eu").doesNotContain("partner-un");
        JsonNode un = KeycloakTokens.claims(tokens.clientToken("un-mission-system", "un-mission-secret"));
        assertThat(strings(un.path("realm_access").path("roles"))).contains("partner-un").doesNotContain("partner-eu");
    }

    @Test
    void idTokensAreNotForTheApi() {
        JsonNode response = tokens.passwordGrant("officer.dakar", KeycloakTokens.DEMO_PASSWORD, "openid");
        JsonNode id = KeycloakTokens.claims(response.path("id_token").asText());
        assertThat(id.path("typ").asText()).isEqualTo("ID");
        assertThat(strings(id.path("aud"))).doesNotContain("dcis-api");
    }

    @Test
    void wrongSecretsAreRefused() {
        assertThatThrownBy(() -> tokens.clientToken("eu-mission-system", "guess"))
                .isInstanceOf(DevstackException.class).hasMessageContaining("401");
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
