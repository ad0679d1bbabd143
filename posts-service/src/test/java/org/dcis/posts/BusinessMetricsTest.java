package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.posts.support.Api.asAdmin;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dcis.devstack.testing.ManagementInterface;
import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What operators scrape from the management port's {@code /q/metrics}: registry changes and the outbox moving with writes. */
@QuarkusTest
class BusinessMetricsTest {
    private static String metrics() {
        return ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String text, String name, String... labels) {
        double sum = 0;
        boolean found = false;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)( # \\{.*)?$").matcher(text);
        while (m.find()) {
            String set = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= set.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                found = true;
                sum += Double.parseDouble(m.group(2));
            }
        }
        assertThat(found).as("%s %s in /q/metrics", name, List.of(labels)).isTrue();
        return sum;
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
