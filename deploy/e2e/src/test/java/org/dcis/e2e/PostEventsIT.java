package org.dcis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Changes made in the registry (posts-service) reach cooperation-service's own directory through
 * Kafka (dcis.posts.v1), with no call between the services: admin.registry writes through the
 * gateway, and the directory, read through the gateway, catches up by itself.
 * <p>
 * Each test opens its own post in a country nobody covers at that moment and closes it afterwards,
 * so the suite can run again on the same stack.
 */
class PostEventsIT {
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final String DIRECTORY = "/api/cooperation/directory/posts/";

    private final E2ePosts posts = new E2ePosts();

    @AfterEach
    void closeWhatWasOpened() {
        posts.closeAll();
    }

    @Test
    void aPostOpenedThroughTheGatewayAppearsInTheCooperationDirectory() {
        String host = E2ePosts.uncoveredCountries().get(0);

        JsonPath opened = posts.open(host).jsonPath();
        String id = opened.getString("id");
        assertThat(opened.getList("coverage", String.class)).containsExactly(host);

        JsonPath entry = awaitDirectory(id, post -> post.getLong("version") >= opened.getLong("version"));
        assertThat(entry.getString("hostCountry")).isEqualTo(host);
        assertThat(entry.getString("city")).isEqualTo(opened.getString("city"));
        assertThat(entry.getString("status")).isEqualTo("OPEN");
        assertThat(entry.getList("coverage", String.class)).containsExactly(host);
        assertThat(entry.getString("openedOn")).isEqualTo(opened.getString("openedOn"));
        assertThat(entry.getString("lastEventId")).as("the directory entry comes from an event").isNotBlank();
        // The registry now answers for the host country with the new post.
        assertThat(Stack.gatewayAs("analyst.hq").when().get("/api/posts/countries/" + host + "/post")
                .jsonPath().getString("postId")).isEqualTo(id);
    }

    @Test
    void aCoverageChangeReachesTheCooperationDirectory() {
        List<String> uncovered = E2ePosts.uncoveredCountries();
        String host = uncovered.get(0);
        String added = uncovered.get(1);
        String id = posts.open(host).jsonPath().getString("id");
        awaitDirectory(id, post -> "OPEN".equals(post.getString("status")));

        JsonPath coverage = E2ePosts.changeCoverage(id, List.of(host, added)).jsonPath();
        assertThat(coverage.getList("countries", String.class)).containsExactlyInAnyOrder(host, added);
        long version = coverage.getLong("version");

        JsonPath entry = awaitDirectory(id, post -> post.getLong("version") >= version);
        assertThat(entry.getLong("version")).isEqualTo(version);
        assertThat(entry.getList("coverage", String.class)).containsExactlyInAnyOrder(host, added);
        // The directory answers "who covers this country?" for cooperation-service's own rules.
        List<String> coveringAdded = Stack.gatewayAs("analyst.hq").queryParam("country", added)
                .when().get("/api/cooperation/directory/posts").jsonPath().getList("items.id", String.class);
        assertThat(coveringAdded).containsExactly(id);
    }

    @Test
    void closingAPostReleasesItsCoverageInTheRegistryAndTheDirectory() {
        String host = E2ePosts.uncoveredCountries().get(0);
        String id = posts.open(host).jsonPath().getString("id");
        awaitDirectory(id, post -> "OPEN".equals(post.getString("status")));

        JsonPath closed = E2ePosts.close(id).jsonPath();
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getList("coverage", String.class)).isEmpty();

        JsonPath entry = awaitDirectory(id, post -> "CLOSED".equals(post.getString("status")));
        assertThat(entry.getLong("version")).isEqualTo(closed.getLong("version"));
        assertThat(entry.getString("closedOn")).isEqualTo(closed.getString("closedOn"));
        assertThat(Stack.gatewayAs("analyst.hq").when().get("/api/posts/countries/" + host).jsonPath()
                .getString("coveredBy")).as("%s after %s closed", host, id).isNull();
    }

    /** Reads the directory entry through the gateway until it satisfies the condition. */
    private static JsonPath awaitDirectory(String id, java.util.function.Predicate<JsonPath> condition) {
        return await("cooperation directory entry of " + id).atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Response response = Stack.gatewayAs("admin.registry").when().get(DIRECTORY + id);
                    assertThat(response.statusCode()).as("directory %s: %s", id, response.asString()).isIn(200, 404);
                    return response.statusCode() == 200 ? response.jsonPath() : null;
                }, post -> post != null && condition.test(post));
    }
}
