package org.dcis.cooperation.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ADMIN;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.devstack.testing.Problems.assertProblem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.TestClock;
import org.dcis.cooperation.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Missions stay consistent with the cases that refer to them, under concurrency too (issue 14): two creations
 * of one code give one 201 and one 409 naming the code (never a 500), and a mission's organisation cannot change
 * while cases of that organisation refer to it (409).
 */
@QuarkusTest
class MissionConsistencyTest {
    @Inject
    TestClock clock;

    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        Tokens.of(ADMIN);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private static Map<String, Object> mission(String code, String organisation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Mission " + code);
        body.put("organisation", organisation);
        body.put("hostCountries", List.of("ML"));
        body.put("startsOn", "2020-01-01");
        return body;
    }

    private static Map<String, Object> terms(Map<String, Object> mission) {
        Map<String, Object> terms = new LinkedHashMap<>(mission);
        terms.remove("code");
        return terms;
    }

    private static String code() {
        return "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void twoCreationsOfOneCodeAtOnceGiveOne201AndOne409NamingTheCode() throws Exception {
        String code = code();
        // the first creation is paused after it found the code free and before it inserts; the second runs meanwhile
        TestClock.Pause pause = clock.pauseNextRequest();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> as(ADMIN).body(mission(code, "EU")).post("/missions"), pool);
        pause.awaitArrival(Duration.ofSeconds(30));
        Response second = as(ADMIN).body(mission(code, "UN")).post("/missions");
        pause.release();
        Response firstAnswer = first.get();

        assertThat(second.statusCode()).isEqualTo(201);
        assertProblem(firstAnswer, 409, "code");
        as(ANALYST).get("/missions/" + code).then().statusCode(200).body("organisation", org.hamcrest.Matchers.is("UN"));
    }

    @Test
    void theOrganisationOfAMissionCannotChangeWhileCasesReferToIt() {
        Directory.standardPosts();
        String used = code();
        as(ADMIN).body(mission(used, "EU")).post("/missions").then().statusCode(201);
        Map<String, Object> multilateral = new LinkedHashMap<>();
        multilateral.put("title", "Case of mission " + used);
        multilateral.put("framework", "MULTILATERAL");
        multilateral.put("organisation", "EU");
        multilateral.put("mission", used);
        multilateral.put("themes", List.of("TERRORISM"));
        multilateral.put("leadPost", "SN-DAKAR");
        multilateral.put("countries", List.of("ML"));
        as(DAKAR).body(multilateral).post("/cases").then().statusCode(201);

        Map<String, Object> toUn = terms(mission(used, "UN"));
        assertProblem(as(ADMIN).header("If-Match", "\"1\"").body(toUn).put("/missions/" + used), 409, "organisation");
        as(ANALYST).get("/missions/" + used).then().body("organisation", org.hamcrest.Matchers.is("EU"))
                .body("version", org.hamcrest.Matchers.is(1));
        // everything else of the mission may change
        Map<String, Object> renamed = terms(mission(used, "EU"));
        renamed.put("name", "Renamed " + used);
        as(ADMIN).header("If-Match", "\"1\"").body(renamed).put("/missions/" + used).then().statusCode(200);

        // a mission no case refers to may change organisation
        String unused = code();
        as(ADMIN).body(mission(unused, "EU")).post("/missions").then().statusCode(201);
        as(ADMIN).header("If-Match", "\"1\"").body(terms(mission(unused, "UN"))).put("/missions/" + unused).then()
                .statusCode(200).body("organisation", org.hamcrest.Matchers.is("UN"));
    }
}
