package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The services' management endpoints (/q/health with database and Kafka details, /q/metrics, ...) are never
 * published by the gateway: every spelling of /api/{service}/q/** a server behind could read as /q/** is a
 * 404 problem from the gateway, for every method and every role, and nothing reaches a service. Operators
 * keep the gateway's own /status. The requests go out raw (java.net.http keeps dot segments and escapes as
 * written), as an attacker would send them.
 */
@QuarkusTest
class GatewayManagementPathsTest {
    private static final List<String> PATHS = List.of(
            "/api/posts/q/metrics",
            "/api/posts/q/health",
            "/api/posts/q/health/ready",
            "/api/posts/q/openapi",
            "/api/posts/q",
            "/api/posts/q/",
            "/api/cooperation/q/health/ready",
            "/api/cooperation/q/metrics?format=json",
            "/api/posts/%71/metrics",
            "/api/posts/%51/metrics",
            "/api/posts/Q/metrics",
            "/api/posts/%2571/metrics",
            "/api/posts/x/../q/health",
            "/api/posts/x/%2e%2e/q/health",
            "/api/cooperation/./q/health/ready",
            "/api/posts//q/metrics",
            "/api/posts/%2Fq/metrics",
            "/api/posts/q;jsessionid=1/metrics",
            "/api/cooperation/cases/../../cooperation/q/health");

    private static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("officer", () -> Tokens.of("officer.dakar"));
        CALLERS.put("hq-analyst", () -> Tokens.of("analyst.hq"));
        CALLERS.put("registry-admin", () -> Tokens.of("admin.registry"));
        CALLERS.put("partner-eu", () -> Tokens.of("partner.eu"));
        CALLERS.put("partner-un", () -> Tokens.of("partner.un"));
        CALLERS.put("eu-mission-system", Tokens::euMissionSystem);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void clear() {
        Services.clearAll();
    }

    @Test
    void everySpellingOfTheManagementPathsIs404ForEveryRoleAndMethodAndNeverReachesAService() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Supplier<String>> caller : CALLERS.entrySet()) {
            String token = caller.getValue().get();
            for (String path : PATHS) {
                for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "TRACE")) {
                    HttpResponse<String> response = send(method, path, token);
                    String what = caller.getKey() + " " + method + " " + path;
                    softly.assertThat(response.statusCode()).as(what).isEqualTo(404);
                    softly.assertThat(response.headers().firstValue("Content-Type")).as(what)
                            .hasValue("application/problem+json");
                    if (!method.equals("HEAD")) {
                        softly.assertThat(response.body()).as(what).contains("\"status\":404")
                                .doesNotContain("internals");
                    }
                }
            }
        }
        softly.assertThat(managementRequestsReceived()).as("management requests that reached a service").isZero();
        softly.assertThat(Services.receivedByAll()).as("requests that reached a service").isZero();
        softly.assertAll();
    }

    @Test
    void withoutATokenItIsTheUsual401AndNothingReachesAService() throws Exception {
        for (String path : PATHS) {
            HttpResponse<String> response = send("GET", path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
        assertThat(managementRequestsReceived()).isZero();
        assertThat(Services.receivedByAll()).isZero();
    }

    @Test
    void pathsThatOnlyLookAlikeStillReachTheirService() {
        String token = Tokens.of("analyst.hq");
        given().auth().oauth2(token).get("/api/posts/quarters").then().statusCode(200).body("uri", equalTo("/quarters"));
        given().auth().oauth2(token).get("/api/posts/countries/q").then().statusCode(200).body("uri", equalTo("/countries/q"));
        given().auth().oauth2(token).get("/api/cooperation/cases?q=health").then().statusCode(200)
                .body("uri", equalTo("/cases?q=health"));
        given().auth().oauth2(token).get("/api/posts/q/../countries").then().statusCode(200)
                .body("uri", equalTo("/countries"));
        assertThat(Services.receivedByAll()).isEqualTo(4);
        assertThat(managementRequestsReceived()).isZero();
    }

    @Test
    void operatorsKeepTheGatewaysOwnStatus() {
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/status").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("services.find { it.service == 'posts-service' }.status", equalTo("UP"));
        given().auth().oauth2(Tokens.of("admin.registry")).get("/status").then().statusCode(200);
        given().auth().oauth2(Tokens.of("partner.eu")).get("/status").then().statusCode(403);
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int managementRequestsReceived() {
        return Services.POSTS.receivedManagement().size() + Services.COOPERATION.receivedManagement().size();
    }
}
