package org.dcis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.response.Response;

/**
 * The role matrix holds on the real services, at the gateway and again at each service when called
 * directly (zero trust): an officer does not write the registry, an analyst does not write cases. The
 * refused requests are valid otherwise, so the 403 is the role's doing, and nothing is stored.
 */
class RoleMatrixIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway", "posts-service"})
    void anOfficerCannotOpenAPost(String entry) {
        String host = E2ePosts.uncoveredCountries().get(0);
        String id = host + E2ePosts.MARKER + "REFUSED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = Map.of("id", id, "hostCountry", host, "city", "Nowhere",
                "embassy", "Ambassade de France", "openedOn", E2ePosts.registryToday());

        Response refused = (entry.equals("gateway") ? Stack.gatewayAs("officer.dakar").basePath("/api/posts")
                : Stack.at(Stack.POSTS, "officer.dakar")).body(body).when().post("/posts");

        assertThat(refused.statusCode()).as("officer.dakar opens %s via %s: %s", id, entry, refused.asString())
                .isEqualTo(403);
        assertThat(Stack.gatewayAs(E2ePosts.ADMIN).when().get("/api/posts/posts/" + id).statusCode())
                .as("post %s after the refusal", id).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway", "posts-service"})
    void anOfficerCannotChangeTheCoverageOfTheirOwnPost(String entry) {
        Response dakar = E2ePosts.get("SN-DAKAR");
        List<String> coverage = dakar.jsonPath().getList("coverage", String.class);

        Response refused = (entry.equals("gateway") ? Stack.gatewayAs("officer.dakar").basePath("/api/posts")
                : Stack.at(Stack.POSTS, "officer.dakar")).header("If-Match", dakar.header("ETag"))
                .body(Map.of("countries", List.of("SN"))).when().put("/posts/SN-DAKAR/coverage");

        assertThat(refused.statusCode()).as("via %s: %s", entry, refused.asString()).isEqualTo(403);
        assertThat(E2ePosts.get("SN-DAKAR").jsonPath().getList("coverage", String.class)).isEqualTo(coverage);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway", "cooperation-service"})
    void anAnalystCannotOpenACase(String entry) {
        // counted by its title: the demo history may still be loading cases meanwhile
        long before = casesVisibleToTheAnalyst();
        Map<String, Object> body = Map.of("title", "E2E case by an analyst", "framework", "BILATERAL",
                "partnerCountry", "SN", "themes", List.of("TERRORISM"), "leadPost", "SN-DAKAR");

        Response refused = (entry.equals("gateway") ? Stack.gatewayAs("analyst.hq").basePath("/api/cooperation")
                : Stack.at(Stack.COOPERATION, "analyst.hq")).body(body).when().post("/cases");

        assertThat(refused.statusCode()).as("analyst.hq opens a case via %s: %s", entry, refused.asString())
                .isEqualTo(403);
        assertThat(casesVisibleToTheAnalyst()).as("cases after the refusal").isEqualTo(before);
    }

    private static long casesVisibleToTheAnalyst() {
        Response cases = Stack.gatewayAs("analyst.hq").queryParam("size", 1).queryParam("text", "E2E case by an analyst")
                .when().get("/api/cooperation/cases");
        assertThat(cases.statusCode()).isEqualTo(200);
        return cases.jsonPath().getLong("total");
    }
}
