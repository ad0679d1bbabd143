package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dcis.devstack.testing.DocumentedProblemTypes;
import org.dcis.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The gateway's own refusals use the suite's one list of problem types: the list it builds them from is the
 * documented one, and each refusal it can give on its own has a documented type and matching status.
 */
@QuarkusTest
class GatewayProblemTypesTest {
    @Test
    void theListTheGatewayUsesIsTheDocumentedOne() {
        Map<String, Integer> used = new LinkedHashMap<>();
        Arrays.stream(ProblemType.values()).forEach(type -> used.put(type.slug(), type.status()));
        assertThat(used).isEqualTo(DocumentedProblemTypes.read());
    }

    @Test
    void everyRefusalOfTheGatewayHasADocumentedType() {
        assertDocumented(given().get("/api/posts/countries"), 401);
        assertDocumented(given().auth().oauth2(Tokens.of("partner.eu")).get("/api/cooperation/cases"), 403);
        assertDocumented(given().auth().oauth2(Tokens.of("officer.dakar")).get("/api/nothing-here"), 404);
        assertDocumented(given().auth().oauth2(Tokens.of("officer.dakar")).request("TRACE", "/api/posts/countries"), 405);
        assertDocumented(given().auth().oauth2(Tokens.of("admin.registry")).contentType("application/json")
                .body(new byte[64 * 1024 + 1]).post("/api/posts/posts"), 413);
        Services.POSTS.stop();
        try {
            assertDocumented(given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts/countries"), 503);
        } finally {
            Services.POSTS.start();
        }
    }

    private static void assertDocumented(Response response, int status) {
        Map<String, Integer> documented = DocumentedProblemTypes.read();
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String type = response.jsonPath().getString("type");
        assertThat(type).startsWith(ProblemType.BASE);
        String slug = type.substring(ProblemType.BASE.length());
        assertThat(documented).as("documented type of a %d", status).containsEntry(slug, status);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
    }
}
