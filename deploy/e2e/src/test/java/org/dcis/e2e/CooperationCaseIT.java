package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.restassured.response.Response;

/**
 * A cooperation case through the gateway on real tokens: the officer of a post opens it for a
 * partner country the directory (fed by the registry's events) says the post covers, HQ reads it, and
 * the EU partner is kept out of cooperation-service altogether.
 */
class CooperationCaseIT {
    private static final String OFFICER = "officer.dakar";

    @Test
    void theDakarOfficerOpensABilateralCaseWithACountryOfTheirCoverageAndHqReadsIt() {
        Response dakar = Stack.gatewayAs(OFFICER).when().get("/api/cooperation/directory/posts/SN-DAKAR");
        assertThat(dakar.statusCode()).as("directory entry SN-DAKAR: %s", dakar.asString()).isEqualTo(200);
        List<String> coverage = new ArrayList<>(dakar.jsonPath().getList("coverage", String.class));
        assertThat(coverage).as("SN-DAKAR's coverage as the directory knows it").contains("SN");
        // A country of the coverage other than the host one shows the coverage rule at work, if there is one.
        String partner = coverage.stream().filter(c -> !c.equals("SN")).findFirst().orElse("SN");
        String title = "E2E bilateral case " + UUID.randomUUID();

        Response opened = Stack.gatewayAs(OFFICER).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "title", title,
                        "summary", "Opened by the end-to-end suite through the gateway",
                        "framework", "BILATERAL",
                        "partnerCountry", partner,
                        "themes", List.of("DRUG_TRAFFICKING"),
                        "leadPost", "SN-DAKAR",
                        "countries", List.of("SN"),
                        "handling", "INTERNAL",
                        "expectedReturn", "Fewer shipments reaching French ports"))
                .when().post("/api/cooperation/cases");
        assertThat(opened.statusCode()).as("open case: %s", opened.asString()).isEqualTo(201);
        String id = opened.jsonPath().getString("id");
        assertThat(opened.header("Location")).endsWith("/cases/" + id);
        assertThat(opened.jsonPath().getString("createdBy")).as("the token's subject")
                .isEqualTo(Stack.claims(Stack.token(OFFICER)).getString("sub"));

        Response read = Stack.gatewayAs("analyst.hq").when().get("/api/cooperation/cases/" + id);
        assertThat(read.statusCode()).as("analyst reads case %s: %s", id, read.asString()).isEqualTo(200);
        assertThat(read.jsonPath().getString("title")).isEqualTo(title);
        assertThat(read.jsonPath().getString("framework")).isEqualTo("BILATERAL");
        assertThat(read.jsonPath().getString("partnerCountry")).isEqualTo(partner);
        assertThat(read.jsonPath().getString("leadPost")).isEqualTo("SN-DAKAR");
        assertThat(read.jsonPath().getString("status")).isEqualTo("OPEN");
        assertThat(read.header("ETag")).isEqualTo("\"" + read.jsonPath().getLong("version") + "\"");
        List<String> found = Stack.gatewayAs("analyst.hq").queryParam("post", "SN-DAKAR")
                .queryParam("framework", "BILATERAL").queryParam("text", title).queryParam("sort", "createdAt,desc").when().get("/api/cooperation/cases").jsonPath().getList("items.id", String.class);
        assertThat(found).as("the analyst's list of SN-DAKAR's latest bilateral cases").contains(id);
    }

    @Test
    void aPartnerCountryOutsideThePostsCoverageIsRefused() {
        List<String> dakarCoverage = Stack.gatewayAs(OFFICER).when().get("/api/cooperation/directory/posts/SN-DAKAR")
                .jsonPath().getList("coverage", String.class);
        String outside = dakarCoverage.contains("FR") ? "DE" : "FR";

        Response refused = Stack.gatewayAs(OFFICER).body(Map.of("title", "E2E case outside coverage",
                "framework", "BILATERAL", "partnerCountry", outside, "themes", List.of("CYBERCRIME"),
                "leadPost", "SN-DAKAR")).when().post("/api/cooperation/cases");

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getList("violations.field", String.class)).contains("partnerCountry");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/cooperation/cases", "GET, /api/cooperation/directory/posts",
            "GET, /api/cooperation/missions", "POST, /api/cooperation/cases"})
    void theEuPartnerGets403OnCooperation(String method, String path) {
        var request = Stack.gatewayAs("partner.eu");
        Response response = method.equals("GET") ? request.when().get(path)
                : request.body(Map.of("title", "from a partner")).when().post(path);

        assertThat(response.statusCode()).as("partner.eu %s %s: %s", method, path, response.asString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theEuMissionsSystemGets403OnCooperationToo() {
        String token = Stack.clientToken("eu-mission-system", "eu-mission-secret");

        Response response = given().header("Authorization", "Bearer " + token)
                .when().get(Stack.GATEWAY + "/api/cooperation/cases");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(403);
    }

    @Test
    void theEuPartnerGets403AlsoWhenGoingAroundTheGateway() {
        // Zero trust: cooperation-service refuses the partner role itself, not only the gateway.
        Response response = Stack.at(Stack.COOPERATION, "partner.eu").when().get("/cases");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(403);
    }
}
