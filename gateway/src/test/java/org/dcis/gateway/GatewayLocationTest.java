package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A service builds Location from the request it received, that is from the gateway's connection to it
 * (http://localhost:8082/cases/42). Through the gateway the client gets the public address instead: the
 * gateway's scheme and host as the client called them and the /api/{service} prefix. A relative address
 * gets the prefix; an address on another site is left alone. The recording service answers
 * {@code /location} with the headers asked for, {@code {host}} replaced by the Host header it received.
 */
@QuarkusTest
class GatewayLocationTest {
    @TestHTTPResource("/")
    URI gateway;

    private String gatewayOrigin() {
        return "http://" + gateway.getHost() + ":" + gateway.getPort();
    }

    private static Response create(String path, String location, String contentLocation) {
        var request = given().auth().oauth2(Tokens.of("officer.dakar")).redirects().follow(false)
                .contentType("application/json").body("{}").queryParam("location", location);
        if (contentLocation != null) {
            request.queryParam("content-location", contentLocation);
        }
        return request.post(path).then().statusCode(201).extract().response();
    }

    @Test
    void aLocationOnTheServiceBecomesThePublicAddress() {
        Response created = create("/api/cooperation/location", "http://{host}/cases/42", "http://{host}/cases/42?view=full");
        assertThat(created.header("Location")).isEqualTo(gatewayOrigin() + "/api/cooperation/cases/42");
        assertThat(created.header("Content-Location")).isEqualTo(gatewayOrigin() + "/api/cooperation/cases/42?view=full");

        Response post = given().auth().oauth2(Tokens.of("admin.registry")).redirects().follow(false)
                .contentType("application/json").body("{}").queryParam("location", "http://{host}/posts/SN-DAKAR#coverage")
                .post("/api/posts/location").then().statusCode(201).extract().response();
        assertThat(post.header("Location")).isEqualTo(gatewayOrigin() + "/api/posts/posts/SN-DAKAR#coverage");
    }

    @Test
    void theServicesConfiguredAddressIsRecognisedWhateverTheHostHeader() {
        // the address the gateway is configured with, spelled as an operator wrote it
        String cooperation = ConfigProvider.getConfig().getValue("dcis.gateway.cooperation-url", String.class);
        Response created = create("/api/cooperation/location", cooperation + "/actions/7", null);
        assertThat(created.header("Location")).isEqualTo(gatewayOrigin() + "/api/cooperation/actions/7");
        // an address on the other service behind the gateway gets that service's prefix
        String posts = ConfigProvider.getConfig().getValue("dcis.gateway.posts-url", String.class);
        Response cross = create("/api/cooperation/location", posts + "/posts/SN-DAKAR", null);
        assertThat(cross.header("Location")).isEqualTo(gatewayOrigin() + "/api/posts/posts/SN-DAKAR");
    }

    @Test
    void aRelativeLocationGetsThePrefix() {
        assertThat(create("/api/cooperation/location", "/cases/42?tab=actions", null).header("Location"))
                .isEqualTo("/api/cooperation/cases/42?tab=actions");
        // resolved against the request the service received (/location), so cases/43 is /cases/43 there
        assertThat(create("/api/cooperation/location", "cases/43", null).header("Location"))
                .isEqualTo("/api/cooperation/cases/43");
    }

    @Test
    void aLocationElsewhereIsLeftAlone() {
        assertThat(create("/api/cooperation/location", "https://registry.example.org/posts/SN-DAKAR", null).header("Location"))
                .isEqualTo("https://registry.example.org/posts/SN-DAKAR");
        // the gateway's own public address (a service that already knows it) is not prefixed twice
        assertThat(create("/api/cooperation/location", gatewayOrigin() + "/api/cooperation/cases/9", null).header("Location"))
                .isEqualTo(gatewayOrigin() + "/api/cooperation/cases/9");
    }

    @Test
    void theAddressIsTheOneTheClientCalledNotOneItClaimsInForwardingHeaders() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(gateway.toString().replaceAll("/$", "")
                                + "/api/cooperation/location?location=http://%7Bhost%7D/cases/44"))
                        .header("Authorization", "Bearer " + Tokens.of("officer.dakar"))
                        .header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Proto", "https")
                        .header("Forwarded", "host=evil.example;proto=https")
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue(gatewayOrigin() + "/api/cooperation/cases/44");
    }
}
