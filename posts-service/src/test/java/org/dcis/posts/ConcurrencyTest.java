package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Simultaneous requests racing for the same country or the same officer: one wins, the others get a 409
 * problem, whether the domain check or the database's partial unique index stops them.
 */
@QuarkusTest
class ConcurrencyTest {

    @Test
    void onlyOneOfSimultaneousClaimsOnACountryWins() throws Exception {
        List<String> hosts = List.of("KE", "UG", "TZ", "RW");
        String token = Api.token(Api.ADMIN);
        List<Callable<Response>> claims = new ArrayList<>();
        for (String host : hosts) {
            claims.add(() -> io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body(Api.post(host + "-RACE", host, "City of " + host, "2020-01-01", List.of("BI"))).post("/posts"));
        }
        List<Response> responses = runTogether(claims);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(hosts.size() - 1)
                .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        String winner = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().path("id");
        Api.as(Api.OFFICER).get("/countries/BI/post").then().statusCode(200).body("postId", org.hamcrest.Matchers.is(winner));
    }

    @Test
    void onlyOneOfSimultaneousAssignmentsOfAnOfficerWins() throws Exception {
        List<String> posts = List.of("ZM-LUSAKA", "MW-LILONGWE", "MZ-MAPUTO");
        for (String post : posts) {
            asAdmin().body(Api.post(post, post.substring(0, 2), "City", "2015-01-01", List.of())).post("/posts")
                    .then().statusCode(201);
        }
        String token = Api.token(Api.ADMIN);
        List<Callable<Response>> assignments = new ArrayList<>();
        for (String post : posts) {
            assignments.add(() -> io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body(Api.assignment("PN-930001", post, "LIAISON_OFFICER", "2024-09-01")).post("/assignments"));
        }
        List<Response> responses = runTogether(assignments);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(posts.size() - 1);
        Api.as(Api.ANALYST).queryParam("officerId", "PN-930001").get("/assignments").then()
                .body("total", org.hamcrest.Matchers.is(1));
    }

    private static List<Response> runTogether(List<Callable<Response>> calls) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(calls.size());
        try {
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : executor.invokeAll(calls)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            executor.shutdownNow();
        }
    }
}
