package org.dcis.cooperation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.with;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dcis.cooperation.support.Directory;
import org.dcis.devstack.testing.ManagementInterface;
import org.dcis.devstack.testing.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What operators scrape from the management port's {@code /q/metrics}: business counters that move with the writes
 * (and only with the ones that commit), the outbox's relayed events and lag, and the Kafka consumers' progress.
 */
@QuarkusTest
class BusinessMetricsTest {
    @BeforeEach
    void posts() {
        Directory.standardPosts();
    }

    private static String metrics() {
        return ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String scrape, String name, String... labels) {
        return Metrics.value(scrape, name, labels);
    }

    @Test
    void casesAndActionsAreCountedWhenTheyCommitAndTheOutboxAndConsumersMoveWithThem() {
        String before = metrics();
        double opened = value(before, "dcis_cases_opened_total", "framework", "BILATERAL");
        double multilateral = value(before, "dcis_cases_opened_total", "framework", "MULTILATERAL");
        double drugs = value(before, "dcis_actions_logged_total", "theme", "DRUG_TRAFFICKING", "kind", "TECHNICAL");
        double cyber = value(before, "dcis_actions_logged_total", "theme", "CYBERCRIME", "kind", "TECHNICAL");
        double sent = value(before, "dcis_outbox_sent_total");
        value(before, "dcis_outbox_lag_seconds");

        var body = with(bilateral("Metrics " + UUID.randomUUID(), "SN-DAKAR", "SN"), "themes",
                List.of("DRUG_TRAFFICKING", "ORGANISED_CRIME"));
        String id = as(DAKAR).body(body).post("/cases").then().statusCode(201).extract().path("id");
        as(DAKAR).body(action("Counted")).post("/cases/" + id + "/actions").then().statusCode(201);
        // refused writes count nothing: a case outside the post's coverage, an action on an unknown case
        as(DAKAR).body(bilateral("Refused", "SN-DAKAR", "ML")).post("/cases").then().statusCode(422);
        as(DAKAR).body(action("Refused")).post("/cases/" + UUID.randomUUID() + "/actions").then().statusCode(404);
        as(DAKAR).body(Map.of("kind", "OPERATIONAL")).post("/cases/" + id + "/actions").then().statusCode(400);

        String after = metrics();
        assertThat(value(after, "dcis_cases_opened_total", "framework", "BILATERAL")).isEqualTo(opened + 1);
        assertThat(value(after, "dcis_cases_opened_total", "framework", "MULTILATERAL")).isEqualTo(multilateral);
        assertThat(value(after, "dcis_actions_logged_total", "theme", "DRUG_TRAFFICKING", "kind", "TECHNICAL"))
                .isEqualTo(drugs + 1);
        assertThat(value(after, "dcis_actions_logged_total", "theme", "ORGANISED_CRIME", "kind", "TECHNICAL"))
                .isPositive();
        assertThat(value(after, "dcis_actions_logged_total", "theme", "CYBERCRIME", "kind", "TECHNICAL"))
                .isEqualTo(cyber);
        // the two events are relayed (and no more than the writes made, whatever else runs: at least two)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(value(metrics(), "dcis_outbox_sent_total")).isGreaterThanOrEqualTo(sent + 2));
        // the partner feeds read dcis.cooperation.v1: their Kafka consumer's progress is scraped too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = metrics();
            assertThat(value(now, "kafka_consumer_fetch_manager_records_consumed_total",
                    "client_id", "kafka-consumer-partner-feeds")).isPositive();
            value(now, "kafka_consumer_fetch_manager_records_lag_max", "client_id", "kafka-consumer-partner-feeds");
        });
    }
}
