package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.etag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.dcis.platform.time.SuiteCalendar;
import org.dcis.posts.support.Api;
import org.dcis.posts.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * One calendar (docs/conventions.md, "Dates"), on the service's one clock, fixed here: every default date is
 * today in Paris; a date is "in the future" only once it is after today in the earliest time zone (UTC+14).
 */
@QuarkusTest
class CalendarTest {
    @Inject
    MutableClock clock;

    @Inject
    Clock serviceClock;

    @Inject
    SuiteCalendar calendar;

    @AfterEach
    void backToTheSystemTime() {
        clock.reset();
    }

    @Test
    void theServiceRunsOnTheTestClockWhichTellsTheSystemTimeUnlessFixed() {
        assertThat(serviceClock).isSameAs(clock);
        assertThat(Duration.between(calendar.now(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        clock.set(Instant.parse("2026-12-06T23:30:00Z"));
        assertThat(calendar.now()).isEqualTo(Instant.parse("2026-12-06T23:30:00Z"));
        clock.reset();
        assertThat(Duration.between(calendar.now(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aPostOpenedWithoutADateOpensOnTheParisDate() {
        // 23:30 UTC is 00:30 in Paris the next day
        clock.set(Instant.parse("2026-12-06T23:30:00Z"));
        asAdmin().body(withoutOpeningDate("FJ-SUVA", "FJ", "Suva")).post("/posts").then().statusCode(201)
                .body("openedOn", is("2026-12-07"));
        // 22:30 UTC is 23:30 in Paris, the same day
        clock.set(Instant.parse("2026-12-06T22:30:00Z"));
        asAdmin().body(withoutOpeningDate("TO-NUKUALOFA", "TO", "Nukualofa")).post("/posts").then().statusCode(201)
                .body("openedOn", is("2026-12-06"));
        // the other default dates follow the same calendar: a suspension "today", a coverage change "today"
        asAdmin().header("If-Match", etag(1)).body(Map.of("countries", List.of("TO", "WS"))).put("/posts/TO-NUKUALOFA/coverage")
                .then().statusCode(200).body("history.find { it.country == 'WS' }.validFrom", is("2026-12-06"));
        clock.set(Instant.parse("2026-12-06T23:30:00Z"));
        Api.as(Api.OFFICER).get("/posts/TO-NUKUALOFA/coverage").then().body("on", is("2026-12-07"));
    }

    @Test
    void aDateIsInTheFutureOnlyAfterTodayInTheEarliestTimeZone() {
        // 10:00 UTC on the 6th is already midnight of the 7th at UTC+14 (Kiribati), still the 6th in Paris
        clock.set(Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-12-06"));
        assertThat(calendar.latestToday()).isEqualTo(LocalDate.parse("2026-12-07"));

        asAdmin().body(Api.post("KI-TARAWA", "KI", "Tarawa", "2026-12-07", List.of())).post("/posts").then().statusCode(201)
                .body("openedOn", is("2026-12-07"));
        for (String future : List.of("2026-12-08", "2026-12-09")) {
            asAdmin().body(Api.post("VU-PORT-VILA", "VU", "Port Vila", future, List.of())).post("/posts").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("type", is("https://dcis.example/problems/rule-broken"))
                    .body("violations[0].field", is("openedOn"))
                    .body("detail", containsString("in the future"));
        }
        Api.as(Api.OFFICER).get("/posts/VU-PORT-VILA").then().statusCode(404);

        // the same rule for every "not in the future" of the registry: assignment ends, status changes
        Map<String, Object> past = new HashMap<>(Api.assignment("PN-820001", "KI-TARAWA", "DEPUTY", "2026-12-07"));
        past.put("endsOn", "2026-12-09");
        asAdmin().body(past).post("/assignments").then().statusCode(422).body("violations[0].field", is("endsOn"));
        String id = asAdmin().body(Api.assignment("PN-820001", "KI-TARAWA", "DEPUTY", "2026-12-07")).post("/assignments")
                .then().statusCode(201).extract().path("id");
        asAdmin().header("If-Match", etag(1)).body(Map.of("endsOn", "2026-12-09")).post("/assignments/" + id + "/end")
                .then().statusCode(422).body("violations[0].field", is("endsOn"));
        asAdmin().header("If-Match", etag(1)).body(Map.of("endsOn", "2026-12-07")).post("/assignments/" + id + "/end")
                .then().statusCode(200).body("endsOn", is("2026-12-07"));
        asAdmin().header("If-Match", etag(3)).body(Map.of("status", "SUSPENDED", "on", "2026-12-09"))
                .put("/posts/KI-TARAWA/status").then().statusCode(422).body("violations[0].field", is("on"));
        asAdmin().header("If-Match", etag(3)).body(Map.of("status", "SUSPENDED", "on", "2026-12-07"))
                .put("/posts/KI-TARAWA/status").then().statusCode(200).body("status", is("SUSPENDED"));
    }

    private static Map<String, Object> withoutOpeningDate(String id, String host, String city) {
        Map<String, Object> body = new HashMap<>(Api.post(id, host, city, "2000-01-01", List.of()));
        body.remove("openedOn");
        return body;
    }
}
