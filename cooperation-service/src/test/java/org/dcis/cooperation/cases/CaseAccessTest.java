package org.dcis.cooperation.cases;

import static io.restassured.RestAssured.given;
import static org.dcis.cooperation.support.Api.ADMIN;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.BOGOTA;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.PARTNER_EU;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/** Who may read and write what, enforced on real Keycloak tokens. */
@QuarkusTest
class CaseAccessTest {
    /** Every refusal, by role (@RolesAllowed) or by a rule of the domain (post, handling), is the problem+json of any error. */
    private static final ResponseSpecification FORBIDDEN = new ResponseSpecBuilder().expectStatusCode(403)
            .expectContentType("application/problem+json").expectBody("status", is(403))
            .expectBody("type", is("https://dcis.example/problems/forbidden")).expectBody("title", is("Forbidden"))
            .expectBody("detail", notNullValue()).build();
    private static final ResponseSpecification UNAUTHORIZED = new ResponseSpecBuilder().expectStatusCode(401)
            .expectContentType("application/problem+json").expectHeader("WWW-Authenticate", startsWith("Bearer"))
            .expectBody("status", is(401)).expectBody("type", is("https://dcis.example/problems/unauthenticated"))
            .expectBody("title", is("Authentication required")).expectBody("detail", notNullValue()).build();

    private String tag;
    private String internalCase;
    private String restrictedCase;

    @BeforeEach
    void dakarHasAnInternalAndARestrictedCase() {
        Directory.standardPosts();
        tag = UUID.randomUUID().toString().substring(0, 8);
        internalCase = as(DAKAR).body(bilateral("Internal " + tag, "SN-DAKAR", "SN")).post("/cases")
                .then().statusCode(201).extract().path("id");
        restrictedCase = as(DAKAR).body(with(bilateral("Restricted " + tag, "SN-DAKAR", "GM"), "handling", "RESTRICTED"))
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    @Test
    void anOfficerOfAnotherPostReadsInternalCasesButNotRestrictedOnes() {
        as(BOGOTA).get("/cases/" + internalCase).then().statusCode(200);
        as(BOGOTA).get("/cases/" + restrictedCase).then().statusCode(404).contentType("application/problem+json");
        as(BOGOTA).queryParam("text", tag).get("/cases").then().statusCode(200)
                .body("total", is(1)).body("items.id", everyItem(is(internalCase)));
        as(BOGOTA).queryParam("case", restrictedCase).get("/actions").then().statusCode(404);
        String hidden = as(DAKAR).body(action("Hidden action " + tag)).post("/cases/" + restrictedCase + "/actions")
                .then().statusCode(201).extract().path("id");
        as(DAKAR).body(action("Visible action " + tag)).post("/cases/" + internalCase + "/actions").then().statusCode(201);
        as(BOGOTA).queryParam("text", tag).get("/actions").then().statusCode(200)
                .body("total", is(1)).body("items[0].title", is("Visible action " + tag));
        as(BOGOTA).get("/actions/" + hidden).then().statusCode(404);
        as(ANALYST).queryParam("text", tag).get("/actions").then().body("total", is(2));
        as(DAKAR).get("/cases/" + restrictedCase).then().statusCode(200).body("handling", is("RESTRICTED"));
        as(DAKAR).queryParam("text", tag).get("/cases").then().body("total", is(2));
        as(ANALYST).get("/cases/" + restrictedCase).then().statusCode(200);
        as(ANALYST).queryParam("text", tag).get("/cases").then().body("total", is(2));
    }

    @Test
    void anOfficerOfAnotherPostCannotWriteAnyCaseOfPostDakar() {
        var revision = bilateral("Hijacked " + tag, "SN-DAKAR", "SN");
        as(BOGOTA).header("If-Match", "\"1\"").body(revision).put("/cases/" + internalCase).then().spec(FORBIDDEN)
                .contentType("application/problem+json").body("detail", containsString("CO-BOGOTA"));
        as(BOGOTA).header("If-Match", "\"1\"").body(Map.of()).post("/cases/" + internalCase + "/close").then().spec(FORBIDDEN);
        as(BOGOTA).body(action("Foreign action")).post("/cases/" + internalCase + "/actions").then().spec(FORBIDDEN);
        as(BOGOTA).header("If-Match", "\"1\"").body(revision).put("/cases/" + restrictedCase).then().statusCode(404);
        as(BOGOTA).body(action("Foreign action")).post("/cases/" + restrictedCase + "/actions").then().statusCode(404);
        as(BOGOTA).body(bilateral("For Dakar " + tag, "SN-DAKAR", "SN")).post("/cases").then().spec(FORBIDDEN);

        String actionId = as(DAKAR).body(action("Dakar action " + tag)).post("/cases/" + internalCase + "/actions")
                .then().statusCode(201).extract().path("id");
        as(BOGOTA).get("/actions/" + actionId).then().statusCode(200);
        as(BOGOTA).header("If-Match", "\"1\"").body(action("Changed")).put("/actions/" + actionId).then().spec(FORBIDDEN);
        as(BOGOTA).header("If-Match", "\"1\"").body(Map.of("status", "IN_PROGRESS")).post("/actions/" + actionId + "/status")
                .then().spec(FORBIDDEN);

        as(ANALYST).get("/cases/" + internalCase).then().body("title", is("Internal " + tag)).body("version", is(1));
        as(ANALYST).get("/actions/" + actionId).then().body("status", is("PLANNED")).body("version", is(1));
    }

    @Test
    void anAnalystReadsEverythingButNeverWrites() {
        as(ANALYST).body(bilateral("By HQ " + tag, "SN-DAKAR", "SN")).post("/cases").then().spec(FORBIDDEN)
                .contentType("application/problem+json");
        as(ANALYST).header("If-Match", "\"1\"").body(bilateral("By HQ", "SN-DAKAR", "SN")).put("/cases/" + internalCase)
                .then().spec(FORBIDDEN);
        as(ANALYST).header("If-Match", "\"1\"").body(Map.of()).post("/cases/" + internalCase + "/close").then().spec(FORBIDDEN);
        as(ANALYST).body(action("By HQ")).post("/cases/" + internalCase + "/actions").then().spec(FORBIDDEN);
        as(ANALYST).body(Map.of("code", "HQ-MISSION", "name", "x", "organisation", "EU", "hostCountries", java.util.List.of("FR"),
                "startsOn", "2020-01-01")).post("/missions").then().spec(FORBIDDEN);
        as(ANALYST).get("/cases/" + internalCase).then().statusCode(200).body("version", is(1));
    }

    @Test
    void partnersAndRegistryAdminsGetNoAccessToCasesAndAnonymousCallersAreRefused() {
        as(PARTNER_EU).get("/cases").then().spec(FORBIDDEN);
        as(PARTNER_EU).get("/cases/" + internalCase).then().spec(FORBIDDEN);
        as(PARTNER_EU).get("/actions").then().spec(FORBIDDEN);
        as(PARTNER_EU).get("/missions").then().spec(FORBIDDEN);
        as(PARTNER_EU).get("/directory/posts").then().spec(FORBIDDEN);
        as(PARTNER_EU).get("/audit").then().spec(FORBIDDEN);
        as(PARTNER_EU).body(bilateral("Partner", "SN-DAKAR", "SN")).post("/cases").then().spec(FORBIDDEN);
        as(ADMIN).get("/cases").then().spec(FORBIDDEN);
        as(ADMIN).body(bilateral("Admin", "SN-DAKAR", "SN")).post("/cases").then().spec(FORBIDDEN);
        given().get("/cases").then().spec(UNAUTHORIZED);
        given().auth().oauth2("not.a.token").get("/cases").then().spec(UNAUTHORIZED);
    }

    @Test
    void everyWriteIsAuditedAndOnlyHqReadsTheAudit() {
        as(DAKAR).header("If-Match", "\"1\"").body(bilateral("Internal, revised " + tag, "SN-DAKAR", "SN"))
                .put("/cases/" + internalCase).then().statusCode(200);
        as(ANALYST).queryParam("targetId", internalCase).queryParam("sort", "id").get("/audit").then().statusCode(200)
                .body("total", is(2))
                .body("items.operation", org.hamcrest.Matchers.contains("case.opened", "case.updated"))
                .body("items[1].postId", is("SN-DAKAR"))
                .body("items[1].username", is("officer.dakar"))
                .body("items[1].subject", notNullValue())
                .body("items[1].at", notNullValue())
                .body("items[1].change", containsString("Internal, revised " + tag))
                .body("items[1].change", containsString("\"before\""));
        as(ANALYST).queryParam("post", "SN-DAKAR").get("/audit").then().statusCode(200)
                .body("items.targetId", hasItem(restrictedCase));
        as(DAKAR).get("/audit").then().spec(FORBIDDEN);
        as(BOGOTA).get("/audit").then().spec(FORBIDDEN);
        // refused writes leave no audit record
        as(BOGOTA).header("If-Match", "\"2\"").body(bilateral("Refused", "SN-DAKAR", "SN")).put("/cases/" + internalCase)
                .then().spec(FORBIDDEN);
        as(ANALYST).queryParam("targetId", internalCase).get("/audit").then().body("total", is(2))
                .body("items.username", not(hasItem("officer.bogota")));
    }
}
