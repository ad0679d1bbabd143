package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.posts.support.Api.asAdmin;

import java.time.Duration;
import java.util.List;

import org.dcis.devstack.testing.ManagementInterface;
import org.dcis.devstack.testing.Metrics;
import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What operators scrape from the management port's {@code /q/metrics}: registry changes and the outbox moving with writes. */
@QuarkusTest
class BusinessMetricsTest {
    private static String metrics() {
        return ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String scrape, String name, String... labels) {
        return Metrics.value(scrape, name, labels);
    }

    @Test
    void registryChangesAreCountedWhenTheyCommitAndTheOutboxRelaysThem() {
        String before = metrics();
        double opened = value(before, "dcis_registry_changes_total", "type", "post.opened");
        double assigned = value(before, "dcis_registry_changes_total", "type", "officer.assigned");
        double sent = value(before, "dcis_outbox_sent_total");
        value(before, "dcis_outbox_lag_seconds");

        asAdmin().body(Api.post("AQ-MCMURDO", "AQ", "McMurdo", "2020-01-01", List.of())).post("/posts").then()
                .statusCode(201);
        // refused: the same post again
        asAdmin().body(Api.post("AQ-MCMURDO", "AQ", "McMurdo", "2020-01-01", List.of())).post("/posts").then()
                .statusCode(409);

        String after = metrics();
        assertThat(value(after, "dcis_registry_changes_total", "type", "post.opened")).isEqualTo(opened + 1);
        assertThat(value(after, "dcis_registry_changes_total", "type", "officer.assigned")).isEqualTo(assigned);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(value(metrics(), "dcis_outbox_sent_total")).isGreaterThanOrEqualTo(sent + 1));
    }
}
