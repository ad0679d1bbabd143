package org.dcis.cooperation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dcis.cooperation.support.Directory;
import org.dcis.devstack.testing.ManagementInterface;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The example Grafana dashboard and Prometheus alert rules (deploy/observability) parse, and every metric they query is
 * one the suite exposes: this service's from its own /q/metrics, posts-service's and the gateway's (and the consumers'
 * counters, registered at their first use) from their code (the dotted Micrometer name in their sources), and
 * Prometheus' own {@code up}.
 */
@QuarkusTest
class ObservabilityFilesTest {
    private static final Path DIR = Path.of("..", "deploy", "observability");
    /** Metric names in a PromQL expression: identifiers followed by a selector, a range or the end of a term. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:dcis|kafka)_[a-z0-9_]+|up)\\b(?=\\s*[{\\[)]|\\s*[=!<>]|\\s*$)");
    /**
     * Metrics of the other apps, found by their Micrometer name in the app's sources; and the consumers' counters,
     * which appear in /q/metrics only once a record was retried or dead-lettered.
     */
    private static final List<String[]> ELSEWHERE = List.of(
            new String[] { "dcis_consumer_dead_letters_total", "platform", "dcis.consumer.dead.letters" },
            new String[] { "dcis_consumer_retries_total", "platform", "dcis.consumer.retries" },
            new String[] { "dcis_registry_changes_total", "posts-service", "dcis.registry.changes" },
            new String[] { "dcis_gateway_refused_total", "gateway", "dcis.gateway.refused" });

    @Test
    void theDashboardAndTheAlertsParseAndQueryOnlyMetricsTheSuiteExposes() throws IOException {
        Directory.standardPosts();
        JsonNode dashboard = new ObjectMapper().readTree(DIR.resolve("grafana-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").isEmpty()).as("panel %s", panel.path("title")).isFalse();
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        JsonNode rules = new YAMLMapper().readTree(DIR.resolve("alerts.yaml").toFile());
        int alerts = 0;
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                assertThat(rule.path("alert").asText()).isNotBlank();
                expressions.add(rule.path("expr").asText());
                alerts++;
            }
        }
        assertThat(alerts).isGreaterThanOrEqualTo(5);

        Set<String> used = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m = METRIC.matcher(expression);
            boolean any = false;
            while (m.find()) {
                used.add(m.group(1));
                any = true;
            }
            assertThat(any).as("a metric in %s", expression).isTrue();
        }
        assertThat(used).contains("dcis_cases_opened_total", "dcis_actions_logged_total", "dcis_outbox_lag_seconds",
                "kafka_consumer_fetch_manager_records_lag_max", "dcis_consumer_dead_letters_total",
                "dcis_gateway_refused_total", "up");

        String exposed = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : used) {
            String[] other = ELSEWHERE.stream().filter(e -> e[0].equals(name)).findFirst().orElse(null);
            if (name.equals("up")) {
                continue;
            } else if (other != null) {
                assertThat(sourcesMention(Path.of("..", other[1], "src", "main", "java"), other[2]))
                        .as("%s in the sources of %s", other[2], other[1]).isTrue();
            } else {
                assertThat(exposed).as("%s in /q/metrics", name).containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
            }
        }
    }

    private static boolean sourcesMention(Path root, String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> {
                try {
                    return Files.readString(f).contains("\"" + text + "\"");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
