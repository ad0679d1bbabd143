package org.dcis.cooperation.actions;

import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Actions logged on cases: content, outcomes, lifecycle, filters. */
@QuarkusTest
class ActionApiTest {
    private String tag;
    private String caseId;

    @BeforeEach
    void aCase() {
        Directory.standardPosts();
        tag = UUID.randomUUID().toString().substring(0, 8);
        caseId = as(DAKAR).body(with(bilateral("Actions " + tag, "SN-DAKAR", "CV"), "themes", List.of("CYBERCRIME")))
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    private String log(Map<String, Object> body) {
        return as(DAKAR).body(body).post("/cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse move(String id, long version, Map<String, Object> change) {
        return as(DAKAR).header("If-Match", "\"" + version + "\"").body(change).post("/actions/" + id + "/status").then();
    }

    @Test
    void anActionIsLoggedWithParticipantsAndOutcomesAndRevised() {
        String id = as(DAKAR).body(action("Course " + tag)).post("/cases/" + caseId + "/actions").then().statusCode(201)
                .header("ETag", "\"1\"").header("Location", containsString("/actions/"))
                .body("caseId", is(caseId)).body("status", is("PLANNED"))
                .body("participants.partnerOfficersTrained", is(18))
                .body("outcomes.indicator", contains("PERSONS_TRAINED", "SEIZURE"))
                .body("outcomes[1].unit", is("t"))
                .body("place.city", is("Praia"))
                .extract().path("id");
        as(ANALYST).get("/actions/" + id).then().statusCode(200).header("ETag", "\"1\"").body("title", is("Course " + tag));
        as(DAKAR).header("If-Match", "\"1\"").body(with(action("Course, extended " + tag), "plannedEnd", "2025-03-14"))
                .put("/actions/" + id).then().statusCode(200).header("ETag", "\"2\"").body("plannedEnd", is("2025-03-14"));
        as(DAKAR).header("If-Match", "\"1\"").body(action("Lost update")).put("/actions/" + id).then().statusCode(412);
        as(DAKAR).body(action("No If-Match")).put("/actions/" + id).then().statusCode(428);
    }

    @Test
    void theLifecycleGoesPlannedInProgressCompletedAndRefusesEverythingElse() {
        String id = log(action("Lifecycle " + tag));
        move(id, 1, Map.of("status", "COMPLETED")).statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", is("status")).body("detail", containsString("PLANNED to COMPLETED"));
        move(id, 1, Map.of("status", "PLANNED")).statusCode(422);
        move(id, 1, Map.of("status", "IN_PROGRESS", "on", "2025-03-03")).statusCode(200)
                .body("status", is("IN_PROGRESS")).body("actualStart", is("2025-03-03"));
        move(id, 1, Map.of("status", "COMPLETED")).statusCode(412);
        move(id, 2, Map.of("status", "COMPLETED", "on", "2025-03-07")).statusCode(200)
                .body("status", is("COMPLETED")).body("actualEnd", is("2025-03-07"));
        move(id, 3, Map.of("status", "IN_PROGRESS")).statusCode(422);
        move(id, 3, Map.of("status", "CANCELLED", "reason", "too late")).statusCode(422);
        as(DAKAR).header("If-Match", "\"3\"").body(action("After completion")).put("/actions/" + id).then().statusCode(422);
        move(id, 3, Map.of("status", "FINISHED")).statusCode(400).body("violations[0].field", is("status"));
        as(ANALYST).get("/actions/" + id).then().body("status", is("COMPLETED")).body("version", is(3));
    }

    @Test
    void aCancellationNeedsAReasonAndIsFinal() {
        String id = log(action("Cancelled " + tag));
        move(id, 1, Map.of("status", "CANCELLED")).statusCode(422).body("violations[0].field", is("reason"));
        move(id, 1, Map.of("status", "CANCELLED", "reason", "Partner service reorganised")).statusCode(200)
                .body("status", is("CANCELLED")).body("cancellationReason", is("Partner service reorganised"));
        move(id, 2, Map.of("status", "IN_PROGRESS")).statusCode(422);

        String started = log(action("Started then cancelled " + tag));
        move(started, 1, Map.of("status", "IN_PROGRESS")).statusCode(200);
        move(started, 2, Map.of("status", "CANCELLED", "reason", "Security situation")).statusCode(200);
    }

    @Test
    void badActionsGet400Or422NamingTheFieldAndNothingIsLogged() {
        as(DAKAR).body(with(action("Negative " + tag), "participants", Map.of("partnerOfficersTrained", -3)))
                .post("/cases/" + caseId + "/actions").then().statusCode(400)
                .body("violations.field", hasItem("participants.partnerOfficersTrained"));
        as(DAKAR).body(with(action("Negative outcome " + tag), "outcomes", List.of(Map.of("indicator", "ARRESTS", "quantity", -1))))
                .post("/cases/" + caseId + "/actions").then().statusCode(400)
                .body("violations.field", hasItem("outcomes[0].quantity"));
        as(DAKAR).body(with(action("Backwards " + tag), "plannedEnd", "2025-03-01"))
                .post("/cases/" + caseId + "/actions").then().statusCode(422)
                .body("violations[0].field", is("plannedEnd"));
        as(DAKAR).body(with(action("Seizure " + tag), "outcomes", List.of(Map.of("indicator", "SEIZURE", "quantity", 3))))
                .post("/cases/" + caseId + "/actions").then().statusCode(422)
                .body("violations[0].field", is("outcomes[0].unit"));
        as(DAKAR).body(with(action("Kind " + tag), "kind", "DIPLOMATIC"))
                .post("/cases/" + caseId + "/actions").then().statusCode(400).body("violations[0].field", is("kind"));
        as(DAKAR).body(with(action("Place " + tag), "place", Map.of("country", "Cabo Verde")))
                .post("/cases/" + caseId + "/actions").then().statusCode(400)
                .body("violations.field", hasItem("place.country"));
        as(DAKAR).body(with(action("x".repeat(201)), "description", "y".repeat(4001)))
                .post("/cases/" + caseId + "/actions").then().statusCode(400)
                .body("violations.field", hasItem("title")).body("violations.field", hasItem("description"));
        as(ANALYST).queryParam("case", caseId).get("/actions").then().statusCode(200).body("total", is(0));
    }

    @Test
    void actionsAreFilteredAcrossCasesAndNotLoggedOnClosedCases() {
        log(with(with(action("Joint op " + tag), "kind", "OPERATIONAL"), "type", "JOINT_OPERATION"));
        log(with(with(action("Training " + tag), "plannedStart", "2025-05-01"), "plannedEnd", "2025-05-03"));
        as(ANALYST).queryParam("text", tag).queryParam("kind", "OPERATIONAL").get("/actions").then()
                .body("items.title", contains("Joint op " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("theme", "CYBERCRIME").queryParam("post", "SN-DAKAR")
                .queryParam("sort", "plannedStart,desc").get("/actions").then()
                .body("total", is(2)).body("items.title", contains("Training " + tag, "Joint op " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("from", "2025-04-01").get("/actions").then()
                .body("items.title", contains("Training " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("theme", "TERRORISM").get("/actions").then().body("total", is(0));
        // Continent of the place (Praia, CV: Africa), by name or M49 code, as the dashboard's filter.
        as(ANALYST).queryParam("text", tag).queryParam("continent", "Africa").get("/actions").then().body("total", is(2));
        as(ANALYST).queryParam("text", tag).queryParam("continent", "002").get("/actions").then().body("total", is(2));
        as(ANALYST).queryParam("text", tag).queryParam("continent", "Europe").get("/actions").then().body("total", is(0));
        as(ANALYST).queryParam("continent", "Atlantis").get("/actions").then().statusCode(400)
                .body("violations[0].field", is("continent"));
        as(ANALYST).get("/cases/" + caseId + "/actions?type=TRAINING").then().body("items.title", contains("Training " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("kind", "OPERATIONAL").get("/cases").then()
                .body("items.id", contains(caseId));

        as(DAKAR).header("If-Match", "\"1\"").body(Map.of()).post("/cases/" + caseId + "/close").then().statusCode(200);
        as(DAKAR).body(action("Too late " + tag)).post("/cases/" + caseId + "/actions").then().statusCode(422)
                .body("violations[0].field", is("status"));
        as(ANALYST).queryParam("case", caseId).get("/actions").then().body("total", is(2));
    }
}
