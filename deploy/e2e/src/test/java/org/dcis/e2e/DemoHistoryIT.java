package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A fresh local stack shows headquarters a history: cooperation-service loads its demo history (2 000 cases over
 * five years) once the demo network reached its directory, and the dashboard API counts it, for headquarters
 * across the network and for an officer on their own post only; the README's example calls answer.
 */
class DemoHistoryIT {
    private static final List<String> THEMES = List.of("DRUG_TRAFFICKING", "ARMS_TRAFFICKING", "CYBERCRIME", "TERRORISM",
            "ORGANISED_CRIME", "IRREGULAR_IMMIGRATION", "EXPERTISE_EXPORT");

    @BeforeAll
    static void demoHistoryLoaded() {
        // the loader starts once the registry's events reached the directory, and takes about a minute
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonPath ready = given().get(Stack.COOPERATION_MANAGEMENT + "/q/health/ready").jsonPath();
            Map<String, Object> data = ready.getMap("checks.find { it.name == 'Demo history' }.data");
            assertThat(data).as("the Demo history check").isNotNull().containsEntry("state", "loaded");
        });
    }

    @Test
    void headquartersSeesTheWholeHistoryOnEveryThemeAndBothFrameworks() {
        JsonPath summary = get("analyst.hq", "/api/dashboard/summary").jsonPath();
        assertThat(summary.getLong("rows[0].cases")).isGreaterThanOrEqualTo(2_000);
        assertThat(summary.getLong("rows[0].actions")).isGreaterThan(15_000);
        assertThat(summary.getLong("rows[0].partnerOfficersTrained")).isPositive();

        List<Map<String, Object>> themes = get("analyst.hq", "/api/dashboard/counts/theme").jsonPath().getList("rows");
        assertThat(themes).extracting(row -> row.get("key")).containsAll(THEMES);
        assertThat(themes).allSatisfy(row -> assertThat(((Number) row.get("actions")).longValue()).isPositive());
        assertThat(get("analyst.hq", "/api/dashboard/counts/framework").jsonPath().getList("rows.key", String.class))
                .contains("BILATERAL", "MULTILATERAL");
        // a year of the README's example: something happened in it, less than in the whole history
        long year = get("analyst.hq", "/api/dashboard/summary?from=2025-01-01&to=2025-12-31").jsonPath()
                .getLong("rows[0].actions");
        assertThat(year).isPositive().isLessThan(summary.getLong("rows[0].actions"));
    }

    @Test
    void anOfficerSeesTheirOwnPostOnly() {
        long network = get("analyst.hq", "/api/dashboard/summary").jsonPath().getLong("rows[0].actions");
        JsonPath own = get("officer.dakar", "/api/dashboard/summary").jsonPath();
        assertThat(own.getLong("rows[0].actions")).isPositive().isLessThan(network);
        assertThat(get("officer.dakar", "/api/dashboard/counts/post").jsonPath().getList("rows.key", String.class))
                .containsOnly("SN-DAKAR");
        assertThat(Stack.gatewayAs("officer.dakar").get("/api/dashboard/summary?post=CO-BOGOTA").statusCode())
                .isEqualTo(403);
        assertThat(Stack.gatewayAs("partner.eu").get("/api/dashboard/summary").statusCode()).isEqualTo(403);
    }

    @Test
    void everyTableComesAsCsvToo() {
        Response csv = Stack.gatewayAs("analyst.hq").header("Accept", "text/csv").get("/api/dashboard/counts/theme");
        assertThat(csv.statusCode()).as(csv.asString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.asString().split("\r\n");
        assertThat(lines[0]).contains("key").contains("actions");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(1 + THEMES.size());
    }

    private static Response get(String user, String path) {
        Response response = Stack.gatewayAs(user).get(path);
        assertThat(response.statusCode()).as("%s %s: %s", user, path, response.asString()).isEqualTo(200);
        return response;
    }
}
