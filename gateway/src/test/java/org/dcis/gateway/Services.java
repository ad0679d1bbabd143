package org.dcis.gateway;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

/** The recording services behind the gateway, seen through their control servers. */
enum Services {
    POSTS("dcis.test.posts-control-url"),
    COOPERATION("dcis.test.cooperation-control-url");

    private final String property;

    Services(String property) {
        this.property = property;
    }

    private String control() {
        return ConfigProvider.getConfig().getValue(property, String.class);
    }

    /** Every business request received since the last {@link #clear()}. */
    List<Map<String, Object>> received() {
        return given().baseUri(control()).get("/received").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Every request for the service's management endpoints (/q/**) since the last {@link #clear()}. */
    List<Map<String, Object>> receivedManagement() {
        return given().baseUri(control()).get("/received-management").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    /** The control server's base URL, for tests that poll it from many threads without REST Assured. */
    String controlUrl() {
        return control();
    }

    void clear() {
        given().baseUri(control()).delete("/received").then().statusCode(204);
    }

    void stop() {
        given().baseUri(control()).post("/stop").then().statusCode(204);
    }

    void start() {
        given().baseUri(control()).post("/start").then().statusCode(204);
    }

    static void clearAll() {
        for (Services service : values()) {
            service.clear();
        }
    }

    static int receivedByAll() {
        int count = 0;
        for (Services service : values()) {
            count += service.received().size();
        }
        return count;
    }
}
