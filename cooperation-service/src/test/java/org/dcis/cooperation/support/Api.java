package org.dcis.cooperation.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST calls as one of the demo users, with a real token. */
public final class Api {
    public static final String DAKAR = "officer.dakar";
    public static final String BOGOTA = "officer.bogota";
    public static final String RABAT = "officer.rabat";
    public static final String ANALYST = "analyst.hq";
    public static final String ADMIN = "admin.registry";
    public static final String PARTNER_EU = "partner.eu";
    /** Mission systems: client-credentials tokens of the realm's confidential clients (demo secrets). */
    public static final String EU_SYSTEM = "eu-mission-system";
    public static final String UN_SYSTEM = "un-mission-system";
    static final java.util.Map<String, String> SYSTEM_SECRETS = java.util.Map.of(EU_SYSTEM, "eu-mission-secret",
            UN_SYSTEM, "un-mission-secret");

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
