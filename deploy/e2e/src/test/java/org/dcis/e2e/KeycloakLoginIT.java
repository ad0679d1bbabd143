package org.dcis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The stack's Keycloak issues the tokens the services expect, and refuses a wrong password. */
class KeycloakLoginIT {

    @Test
    void officerDakarGetsAnAccessTokenForTheApiWithTheirPost() {
        JsonPath claims = Stack.claims(Stack.accessToken("officer.dakar"));

        assertThat(claims.getString("iss")).isEqualTo(Stack.KEYCLOAK + "/realms/dcis");
        assertThat(claims.getString("typ")).isEqualTo("Bearer");
        Object audience = claims.get("aud");
        assertThat(audience instanceof List<?> list ? list : List.of(audience)).contains("dcis-api");
        assertThat(claims.getList("realm_access.roles", String.class)).contains("officer");
        assertThat(claims.getString("post_id")).isEqualTo("SN-DAKAR");
        assertThat(claims.getString("preferred_username")).isEqualTo("officer.dakar");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        var refused = Stack.passwordGrant("officer.dakar", "not-the-password");

        // OAuth 2.0 (RFC 6749 5.2): bad resource-owner credentials are an invalid_grant, status 400.
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("error")).isEqualTo("invalid_grant");
        assertThat(refused.jsonPath().getString("access_token")).isNull();
    }
}
