package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The registry as the local stack loads it (demo dataset enabled), read through the gateway by every
 * role: the 76 posts of the DCIS network, covering more than 160 countries on the five continents.
 */
class DemoNetworkIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"officer.dakar", "analyst.hq", "admin.registry", "partner.eu", "partner.un"})
    void everyRoleSeesTheNetworkOf76PostsCoveringMoreThan160CountriesOn5Continents(String user) {
        Response response = Stack.gatewayAs(user).when().get("/api/posts/network/summary");
        assertThat(response.statusCode()).as("summary for %s: %s", user, response.asString()).isEqualTo(200);
        JsonPath summary = response.jsonPath();

        // Posts opened (and closed again) by earlier runs of this suite stay in the registry's history;
        // the demo network is everything else.
        List<String> ids = allPostIds(user);
        long demoPosts = ids.stream().filter(id -> !E2ePosts.isE2ePost(id)).count();
        assertThat(demoPosts).as("demo posts among %s", ids).isEqualTo(76);
        assertThat(summary.getLong("posts.total")).as("posts in the summary").isEqualTo(ids.size());
        assertThat(ids).contains("SN-DAKAR", "CO-BOGOTA", "MA-RABAT");

        assertThat(summary.getInt("countries.covered")).isGreaterThan(160);
        assertThat(summary.getInt("countries.total")).isEqualTo(249);
        assertThat(summary.getInt("countries.continentsCovered")).isEqualTo(5);
        List<Integer> coveredByContinent = summary.getList("countries.byContinent.covered", Integer.class);
        assertThat(coveredByContinent).as("countries covered per continent").filteredOn(n -> n > 0).hasSize(5);
    }

    @Test
    void theEuMissionsSystemReadsTheSummaryWithItsClientToken() {
        String token = Stack.clientToken("eu-mission-system", "eu-mission-secret");

        Response response = given().header("Authorization", "Bearer " + token)
                .when().get(Stack.GATEWAY + "/api/posts/network/summary");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getInt("countries.covered")).isGreaterThan(160);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"officer.bogota", "analyst.hq", "partner.eu"})
    void senegalIsCoveredByTheDakarPost(String user) {
        Response response = Stack.gatewayAs(user).when().get("/api/posts/countries/SN/post");

        assertThat(response.statusCode()).as("%s: %s", user, response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("country")).isEqualTo("SN");
        assertThat(response.jsonPath().getString("postId")).isEqualTo("SN-DAKAR");
        assertThat(response.jsonPath().getString("post.city")).isEqualTo("Dakar");
        assertThat(response.jsonPath().getString("coveredUntil")).isNull();
    }

    private static List<String> allPostIds(String user) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            Response response = Stack.gatewayAs(user).queryParam("size", 200).queryParam("page", page)
                    .queryParam("sort", "id").when().get("/api/posts/posts");
            assertThat(response.statusCode()).as("posts page %d: %s", page, response.asString()).isEqualTo(200);
            List<String> items = response.jsonPath().getList("items.id", String.class);
            ids.addAll(items);
            if (items.isEmpty() || ids.size() >= response.jsonPath().getLong("total")) {
                return ids;
            }
        }
    }
}
