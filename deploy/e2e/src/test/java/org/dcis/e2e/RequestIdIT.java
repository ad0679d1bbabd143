package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/** Every answer of the gateway carries an X-Request-Id, made up when the caller sent none. */
class RequestIdIT {
    private static final String HEADER = "X-Request-Id";

    @Test
    void aRequestWithoutAnIdGetsAFreshOneInTheResponse() {
        Response first = Stack.gatewayAs("officer.dakar").when().get("/api/posts/countries/SN");
        Response second = Stack.gatewayAs("officer.dakar").when().get("/api/posts/countries/SN");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header(HEADER)).as("request id of a relayed answer").isNotBlank()
                .matches("[A-Za-z0-9._:-]{8,64}");
        assertThat(second.header(HEADER)).isNotBlank().isNotEqualTo(first.header(HEADER));
    }

    @Test
    void theGatewaysOwnAnswersCarryOneToo() {
        Response refused = given().when().get(Stack.GATEWAY + "/api/cooperation/cases");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header(HEADER)).as("request id of a 401").isNotBlank();
    }

    @Test
    void aCallersPlainIdIsKept() {
        String id = "e2e-" + System.nanoTime();

        Response response = Stack.gatewayAs("analyst.hq").header(HEADER, id).when().get("/api/cooperation/cases");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header(HEADER)).isEqualTo(id);
    }
}
