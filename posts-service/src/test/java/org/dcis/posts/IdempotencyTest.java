package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.dcis.posts.support.Api;
import org.dcis.posts.support.KeycloakUsers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * {@code Idempotency-Key} on creates (docs/conventions.md, "Concurrency and retries"): a key belongs to the
 * caller and to the request it first came with. The same key and body answer the first result again, another
 * body is a 422, concurrent identical requests create one resource and all get the same answer.
 */
@QuarkusTest
class IdempotencyTest {
    @Inject
    EntityManager entityManager;

    @Test
    void aKeyReusedWithAnotherBodyIsABrokenRuleNamingTheHeader() {
        String key = UUID.randomUUID().toString();
        asAdmin().header("Idempotency-Key", key).body(Api.post("BO-LA-PAZ", "BO", "La Paz", "2012-09-01", List.of()))
                .post("/posts").then().statusCode(201).header("Idempotent-Replayed", nullValue());
        // the case: someone else's key reused to open another post got 201 with the first one
        asAdmin().header("Idempotency-Key", key).body(Api.post("PE-LIMA", "PE", "Lima", "2012-09-01", List.of()))
                .post("/posts").then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://dcis.example/problems/rule-broken"))
                .body("violations[0].field", is("Idempotency-Key"))
                .body("detail", containsString("different request"));
        Api.as(Api.OFFICER).get("/posts/PE-LIMA").then().statusCode(404);
        // the same post with another body (another city) is another request too
        asAdmin().header("Idempotency-Key", key).body(Api.post("BO-LA-PAZ", "BO", "Sucre", "2012-09-01", List.of()))
                .post("/posts").then().statusCode(422).body("violations[0].field", is("Idempotency-Key"));
        // and the same body on another operation
        asAdmin().header("Idempotency-Key", key).body(Api.assignment("PN-810001", "BO-LA-PAZ", "DEPUTY", "2024-09-01"))
                .post("/assignments").then().statusCode(422).body("violations[0].field", is("Idempotency-Key"));
        Api.as(Api.ANALYST).queryParam("officerId", "PN-810001").get("/assignments").then().body("total", is(0));

        // the first request, retried as it was, still answers its first result
        asAdmin().header("Idempotency-Key", key).body(Api.post("BO-LA-PAZ", "BO", "La Paz", "2012-09-01", List.of()))
                .post("/posts").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is("BO-LA-PAZ"))
                .body("city", is("La Paz"));
    }

    @Test
    void concurrentIdenticalCreatesMakeOnePostAndGiveTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.post("EC-QUITO", "EC", "Quito", "2013-09-01", List.of("GS"));
        String token = Api.token(Api.ADMIN);
        List<Response> responses = together(8, () -> RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Idempotency-Key", key).body(body).post("/posts"));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(201));
        assertThat(responses).extracting(r -> r.jsonPath().getString("id")).containsOnly("EC-QUITO");
        assertThat(responses).extracting(Response::asString).as("the same body for every answer").containsOnly(
                responses.get(0).asString());
        assertThat(responses).extracting(r -> r.header("ETag")).containsOnly("\"1\"");
        assertThat(responses).extracting(r -> r.header("Location")).allSatisfy(l -> assertThat(l).endsWith("/posts/EC-QUITO"));
        assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null).as("the one that created it").hasSize(1);
        assertThat(responses).filteredOn(r -> "true".equals(r.header("Idempotent-Replayed"))).hasSize(7);

        Api.as(Api.OFFICER).queryParam("text", "quito").get("/posts").then().body("total", is(1)).body("items[0].version", is(1));
        assertThat(count("SELECT count(*) FROM outbox_event WHERE event_key = 'EC-QUITO'")).as("events").isOne();
        assertThat(count("SELECT count(*) FROM audit_record WHERE target_type = 'post' AND target_id = 'EC-QUITO'"))
                .as("audit records").isOne();
    }

    @Test
    void concurrentIdenticalAssignmentsMakeOneAssignment() throws Exception {
        asAdmin().body(Api.post("VE-CARACAS", "VE", "Caracas", "2013-09-01", List.of())).post("/posts").then().statusCode(201);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.assignment("GN-810002", "VE-CARACAS", "LIAISON_OFFICER", "2024-09-01");
        String token = Api.token(Api.ADMIN);
        List<Response> responses = together(8, () -> RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Idempotency-Key", key).body(body).post("/assignments"));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(201));
        assertThat(responses).extracting(Response::asString).containsOnly(responses.get(0).asString());
        assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        Api.as(Api.ANALYST).queryParam("officerId", "GN-810002").get("/assignments").then().body("total", is(1));
        Api.as(Api.OFFICER).get("/posts/VE-CARACAS").then().body("officerCount", is(1)).body("version", is(2));

        Map<String, Object> other = new HashMap<>(body);
        other.put("role", "DEPUTY");
        asAdmin().header("Idempotency-Key", key).body(other).post("/assignments").then().statusCode(422)
                .body("violations[0].field", is("Idempotency-Key"));
    }

    @Test
    void aKeyBelongsToItsCaller() {
        String second = KeycloakUsers.withRole("admin.second", "registry-admin");
        String key = UUID.randomUUID().toString();
        // a create that fails takes its claim on the key with it
        asAdmin().header("Idempotency-Key", key).body(Api.post("CL-SANTIAGO", "CL", "Santiago", "2014-09-01", List.of("QQ")))
                .post("/posts").then().statusCode(400);
        asAdmin().header("Idempotency-Key", key).body(Api.post("CL-SANTIAGO", "CL", "Santiago", "2014-09-01", List.of()))
                .post("/posts").then().statusCode(201).header("Idempotent-Replayed", nullValue());
        // another administrator's key of the same value is another key: neither a replay nor a reuse
        Api.as(second).header("Idempotency-Key", key).body(Api.post("AR-BUENOS-AIRES", "AR", "Buenos Aires", "2014-09-01",
                List.of())).post("/posts").then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .body("id", is("AR-BUENOS-AIRES"));
        Api.as(second).header("Idempotency-Key", key).body(Api.post("AR-BUENOS-AIRES", "AR", "Buenos Aires", "2014-09-01",
                List.of())).post("/posts").then().statusCode(201).header("Idempotent-Replayed", "true");
        asAdmin().header("Idempotency-Key", key).body(Api.post("CL-SANTIAGO", "CL", "Santiago", "2014-09-01", List.of()))
                .post("/posts").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is("CL-SANTIAGO"));
    }

    @Test
    void aKeyMustBeVisibleAsciiOfAtMost200Characters() {
        asAdmin().header("Idempotency-Key", "k".repeat(201)).body(Api.post("GY-GEORGETOWN", "GY", "Georgetown", "2014-09-01",
                List.of())).post("/posts").then().statusCode(400).body("violations[0].field", is("Idempotency-Key"));
        asAdmin().header("Idempotency-Key", "clé avec espaces").body(Api.post("GY-GEORGETOWN", "GY", "Georgetown",
                "2014-09-01", List.of())).post("/posts").then().statusCode(400)
                .body("violations[0].field", is("Idempotency-Key"));
        Api.as(Api.OFFICER).get("/posts/GY-GEORGETOWN").then().statusCode(404);
    }

    /** Runs the same call on several threads released at once. */
    private static List<Response> together(int threads, Callable<Response> call) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            executor.shutdownNow();
        }
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
