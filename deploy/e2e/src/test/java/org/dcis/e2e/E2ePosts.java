package org.dcis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Posts the end-to-end suite opens in the registry of a running stack, through the gateway as
 * admin.registry. They are marked ({@value #MARKER} in the id) so that checks of the demo network can
 * tell them apart, and closed again afterwards, which releases their coverage: the suite can run again
 * on the same stack, the same day.
 */
final class E2ePosts {
    static final String ADMIN = "admin.registry";
    static final String MARKER = "-E2E-";
    /** The marker of deploy/bench/src/WritePath.java: a benchmark run on the same stack before this suite. */
    static final String BENCH_MARKER = "-BENCH-";

    private final List<String> opened = new ArrayList<>();

    /** The registry's own "today" (a Paris date), read from the service rather than guessed from our clock. */
    static String registryToday() {
        Response response = Stack.gatewayAs(ADMIN).when().get("/api/posts/countries/SN/post");
        assertThat(response.statusCode()).as("who covers SN: %s", response.asString()).isEqualTo(200);
        return response.jsonPath().getString("on");
    }

    /** Countries no post covers at this moment, in random order so that runs do not always pick the same. */
    static List<String> uncoveredCountries() {
        Response response = Stack.gatewayAs(ADMIN).queryParam("covered", "false").queryParam("size", 200)
                .when().get("/api/posts/countries");
        assertThat(response.statusCode()).as("uncovered countries: %s", response.asString()).isEqualTo(200);
        List<String> codes = new ArrayList<>(response.jsonPath().getList("items.code", String.class));
        assertThat(codes).as("the demo network leaves some countries uncovered").hasSizeGreaterThanOrEqualTo(2);
        Collections.shuffle(codes);
        return codes;
    }

    /** Posts of this suite's runs, and of deploy/bench's write benchmark ({@value #BENCH_MARKER}), not demo data. */
    static boolean isE2ePost(String id) {
        return id.contains(MARKER) || id.contains(BENCH_MARKER);
    }

    /** Opens a post hosted in a country nobody covers; answers the 201 response (body: the post). */
    Response open(String hostCountry) {
        String id = hostCountry + MARKER + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = Map.of(
                "id", id,
                "hostCountry", hostCountry,
                "city", "E2E city " + hostCountry,
                "embassy", "Ambassade de France (end-to-end test)",
                "openedOn", registryToday(),
                "contact", Map.of("email", "e2e@example.org", "phone", "+33 1 00 00 00 00"));
        Response response = Stack.gatewayAs(ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).when().post("/api/posts/posts");
        assertThat(response.statusCode()).as("open post %s: %s", id, response.asString()).isEqualTo(201);
        opened.add(id);
        return response;
    }

    /** The post as posts-service has it now, with its ETag. */
    static Response get(String id) {
        Response response = Stack.gatewayAs(ADMIN).when().get("/api/posts/posts/" + id);
        assertThat(response.statusCode()).as("GET post %s: %s", id, response.asString()).isEqualTo(200);
        return response;
    }

    /** Replaces the coverage from today, with the current version as If-Match; answers the new coverage. */
    static Response changeCoverage(String id, List<String> countries) {
        String etag = get(id).header("ETag");
        Response response = Stack.gatewayAs(ADMIN).header("If-Match", etag)
                .body(Map.of("countries", countries)).when().put("/api/posts/posts/" + id + "/coverage");
        assertThat(response.statusCode()).as("coverage of %s to %s: %s", id, countries, response.asString())
                .isEqualTo(200);
        return response;
    }

    /** Closes the post today (releasing its coverage); answers the closed post. */
    static Response close(String id) {
        String etag = get(id).header("ETag");
        Response response = Stack.gatewayAs(ADMIN).header("If-Match", etag)
                .body(Map.of("status", "CLOSED")).when().put("/api/posts/posts/" + id + "/status");
        assertThat(response.statusCode()).as("close %s: %s", id, response.asString()).isEqualTo(200);
        return response;
    }

    /** Closes every post this instance opened that is still open: the cleanup after each test. */
    void closeAll() {
        for (String id : opened) {
            JsonPath post = get(id).jsonPath();
            if (!"CLOSED".equals(post.getString("status"))) {
                close(id);
            }
        }
        opened.clear();
    }
}
