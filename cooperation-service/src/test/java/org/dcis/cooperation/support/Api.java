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

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
