package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public entry point: a real token gets through to posts-service, no token (or a forged one) does not. */
class GatewayIT {
    private static final String COUNTRIES = "/api/posts/countries";

    @Test
    void anOfficerWithATokenReadsTheCountriesThroughTheGateway() {
        String token = Stack.accessToken("officer.dakar");

        int status = given().header("Authorization", "Bearer " + token)
                .when().get(Stack.GATEWAY + COUNTRIES).statusCode();

        assertThat(status).as("GET %s%s with officer.dakar's token", Stack.GATEWAY, COUNTRIES).isBetween(200, 299);
    }

    @Test
    void withoutATokenTheGatewayAnswers401() {
        int status = given().when().get(Stack.GATEWAY + COUNTRIES).statusCode();

        assertThat(status).as("GET %s%s without a token", Stack.GATEWAY, COUNTRIES).isEqualTo(401);
    }

    @Test
    void aTokenWithATamperedSignatureIsRefused() {
        String token = Stack.accessToken("officer.dakar");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        int status = given().header("Authorization", "Bearer " + forged)
                .when().get(Stack.GATEWAY + COUNTRIES).statusCode();

        assertThat(status).isEqualTo(401);
    }
}
