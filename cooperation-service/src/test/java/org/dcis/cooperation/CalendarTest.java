package org.dcis.cooperation;

import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The suite's one calendar (docs/conventions.md, "Dates") at a fixed instant: "today" is the date in Paris
 * for every default date, and a date is "in the future" only once it is today nowhere on Earth. posts-service
 * has the same test for its own default date: together they show both services answer the same "today".
 */
@QuarkusTest
class CalendarTest {
    /** 00:30 on 7 December in Paris, 08:30 in Tokyo; still the 6th in UTC. */
    private static final Instant PARIS_JUST_AFTER_MIDNIGHT = Instant.parse("2026-12-06T23:30:00Z");
    /** 23:30 on 6 December in Paris. */
    private static final Instant PARIS_JUST_BEFORE_MIDNIGHT = Instant.parse("2026-12-06T22:30:00Z");
    private static final String TOKYO_TODAY = "2026-12-07";
    private static final String TODAY_NOWHERE = "2026-12-08";

    @Inject
    TestClock clock;

    private String tag;

    @BeforeEach
    void posts() {
        Directory.standardPosts();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    private String openCase(String title) {
        return as(DAKAR).body(bilateral(title + " " + tag, "SN-DAKAR", "SN")).post("/cases").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aCaseOpenedWithoutADateIsOpenedOnTodayInParis() {
        clock.fixAt(PARIS_JUST_AFTER_MIDNIGHT);
        as(DAKAR).body(with(bilateral("After midnight " + tag, "SN-DAKAR", "SN"), "openedOn", null)).post("/cases")
                .then().statusCode(201).body("openedOn", is("2026-12-07"));

        clock.fixAt(PARIS_JUST_BEFORE_MIDNIGHT);
        as(DAKAR).body(with(bilateral("Before midnight " + tag, "SN-DAKAR", "SN"), "openedOn", null)).post("/cases")
                .then().statusCode(201).body("openedOn", is("2026-12-06"));
    }

    @Test
    void aCaseMayBeOpenedOnTheOfficersLocalTodayButNotLater() {
        clock.fixAt(PARIS_JUST_AFTER_MIDNIGHT);
        as(DAKAR).body(with(bilateral("Tokyo today " + tag, "SN-DAKAR", "SN"), "openedOn", TOKYO_TODAY)).post("/cases")
                .then().statusCode(201).body("openedOn", is(TOKYO_TODAY));
        as(DAKAR).body(with(bilateral("Tomorrow " + tag, "SN-DAKAR", "SN"), "openedOn", TODAY_NOWHERE)).post("/cases")
                .then().statusCode(422).body("violations[0].field", is("openedOn"))
                .body("detail", containsString("in the future"));
    }

    @Test
    void anOfficerInTokyoLogsAnActionThatStartedTodayButNothingThatHasNotHappenedYet() {
        String caseId = openCase("Tokyo actions");
        clock.fixAt(PARIS_JUST_AFTER_MIDNIGHT);
        Map<String, Object> today = with(with(with(action("Started today " + tag), "plannedStart", TOKYO_TODAY),
                "plannedEnd", null), "actualStart", TOKYO_TODAY);
        as(DAKAR).body(today).post("/cases/" + caseId + "/actions").then().statusCode(201)
                .body("plannedStart", is(TOKYO_TODAY)).body("actualStart", is(TOKYO_TODAY));

        as(DAKAR).body(with(today, "actualStart", TODAY_NOWHERE)).post("/cases/" + caseId + "/actions").then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", is("actualStart")).body("detail", containsString("in the future"));
        // a plan may lie ahead
        as(DAKAR).body(with(with(action("Planned " + tag), "plannedStart", TODAY_NOWHERE), "plannedEnd", null))
                .post("/cases/" + caseId + "/actions").then().statusCode(201).body("plannedStart", is(TODAY_NOWHERE));
        as(ANALYST).queryParam("case", caseId).get("/actions").then().body("total", is(2));
    }

    @Test
    void statusChangesAndClosuresDefaultToTodayInParisAndNeverLieInTheFuture() {
        String caseId = openCase("Closing");
        String actionId = as(DAKAR).body(action("Moved " + tag)).post("/cases/" + caseId + "/actions").then()
                .statusCode(201).extract().path("id");
        clock.fixAt(PARIS_JUST_AFTER_MIDNIGHT);
        as(DAKAR).header("If-Match", "\"1\"").body(Map.of("status", "IN_PROGRESS", "on", TODAY_NOWHERE))
                .post("/actions/" + actionId + "/status").then().statusCode(422).body("violations[0].field", is("on"));
        as(DAKAR).header("If-Match", "\"1\"").body(Map.of("status", "IN_PROGRESS")).post("/actions/" + actionId + "/status")
                .then().statusCode(200).body("actualStart", is("2026-12-07"));

        as(DAKAR).header("If-Match", "\"1\"").body(Map.of("closedOn", TODAY_NOWHERE)).post("/cases/" + caseId + "/close")
                .then().statusCode(422).body("violations[0].field", is("closedOn"));
        as(DAKAR).header("If-Match", "\"1\"").body(Map.of()).post("/cases/" + caseId + "/close").then().statusCode(200)
                .body("closedOn", is("2026-12-07"));
    }
}
