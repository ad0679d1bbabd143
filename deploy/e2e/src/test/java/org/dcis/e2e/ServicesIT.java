package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Zero trust: each service checks the token itself, so a caller that goes around the gateway gets
 * nothing without one, and is let through with one.
 */
class ServicesIT {

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({"posts, /countries", "cooperation, /cases"})
    void aServiceCalledDirectlyRequiresAToken(String service, String path) {
        String base = service.equals("posts") ? Stack.POSTS : Stack.COOPERATION;

        assertThat(given().when().get(base + path).statusCode()).as("%s%s without a token", base, path)
                .isEqualTo(401);
        int withToken = given().header("Authorization", "Bearer " + Stack.accessToken("officer.dakar"))
                .when().get(base + path).statusCode();
        assertThat(withToken).as("%s%s with officer.dakar's token", base, path).isNotIn(401, 403).isLessThan(500);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gateway", "posts", "cooperation"})
    void everyServiceIsReady(String service) {
        String base = switch (service) {
            case "gateway" -> Stack.GATEWAY;
            case "posts" -> Stack.POSTS_MANAGEMENT;
            default -> Stack.COOPERATION_MANAGEMENT;
        };
        assertThat(given().when().get(base + "/q/health/ready").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"posts", "cooperation"})
    void aServiceKeepsItsHealthAndMetricsOffItsApiPort(String service) {
        String api = service.equals("posts") ? Stack.POSTS : Stack.COOPERATION;
        for (String path : new String[] { "/q/health/ready", "/q/metrics" }) {
            int status = given().header("Authorization", "Bearer " + Stack.accessToken("analyst.hq"))
                    .when().get(api + path).statusCode();
            assertThat(status).as("%s%s with a valid token", api, path).isEqualTo(404);
        }
    }
}
