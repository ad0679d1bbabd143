package org.dcis.cooperation;

import org.dcis.devstack.testing.ManagementInterface;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.as;

import java.time.Duration;
import java.util.List;

import org.dcis.cooperation.support.DatabaseLink;
import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.PostEvents;
import org.dcis.devstack.testing.Problems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * With its database away the service says so: readiness DOWN (unlike a broker outage, which only degrades it),
 * clean 503 problems instead of 500s, liveness UP (a restart would not bring the database back); a post event
 * that arrives meanwhile waits and is applied once the database is back, never dead-lettered; everything
 * recovers by itself.
 */
@QuarkusTest
class DatabaseOutageTest {
    @AfterEach
    void databaseBack() {
        DatabaseLink.get().restore();
    }

    @Test
    void readinessGoesDownRequestsGet503AndAPostEventWaitsForTheDatabase() {
        Directory.standardPosts();
        as(ANALYST).get("/cases").then().statusCode(200);

        DatabaseLink.get().cut();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath health = ManagementInterface.given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
            assertThat(health.getList("checks.findAll { it.name == 'Database connections health check' }.status",
                    String.class)).containsExactly("DOWN");
        });
        ManagementInterface.given().get("/q/health/live").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Response response = as(ANALYST).get("/cases");
            Problems.assertProblem(response, 503);
            assertThat(response.jsonPath().getString("type")).endsWith("/service-unavailable");
        });

        long version = PostEvents.publish("post.updated", "CO-BOGOTA", "CO", "Bogotá", "OPEN", List.of("CO", "EC", "PE"));
        // the consumer tries, fails on the database, and waits (readiness shows it) instead of giving up
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath health = ManagementInterface.given().get("/q/health/ready").then().extract().jsonPath();
            assertThat(health.getList("checks.findAll { it.name == 'Event consumers' }.data.'posts.stalled'", Boolean.class))
                    .containsExactly(true);
        });
        double deadBefore = deadLetters();

        DatabaseLink.get().restore();
        Directory.awaitVersion("CO-BOGOTA", version);
        as(ANALYST).get("/directory/posts/CO-BOGOTA").then().statusCode(200)
                .body("coverage", org.hamcrest.Matchers.contains("CO", "EC", "PE"));
        assertThat(deadLetters()).isEqualTo(deadBefore);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ManagementInterface.given().get("/q/health/ready").then().statusCode(200);
            as(ANALYST).get("/cases").then().statusCode(200);
        });
    }

    private static double deadLetters() {
        JsonPath health = ManagementInterface.given().get("/q/health/ready").then().extract().jsonPath();
        List<Integer> counts = health.getList("checks.findAll { it.name == 'Event consumers' }.data.'posts.deadLetters'",
                Integer.class);
        return counts.isEmpty() || counts.get(0) == null ? 0 : counts.get(0);
    }
}
