package org.dcis.cooperation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.dcis.cooperation.support.Database;
import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.TestClock;
import org.dcis.cooperation.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A case closed while an action is logged, revised or moved on it (issue 14): the two writes are serialised on
 * the case's row, so the closed case never gains nor changes an action after its closing, and no action event
 * follows {@code case.closed} in the order the relay sends them.
 *
 * <p>The race is played the same way on every run: the action request is paused inside its transaction, after
 * its checks and before its writes (the test clock holds the first request thread that reads the time), then the
 * closing request is sent. Without the case lock the closing commits while the action request is paused, and the
 * action is written after it; with the lock the closing waits for the action request, which then commits first.
 */
@QuarkusTest
class ClosingRaceTest {
    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        Directory.standardPosts();
        Tokens.of(DAKAR);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private String openCase() {
        return as(DAKAR).body(bilateral("Race " + UUID.randomUUID(), "SN-DAKAR", "SN")).post("/cases").then()
                .statusCode(201).extract().path("id");
    }

    private String logAction(String caseId) {
        return as(DAKAR).body(action("Raced action")).post("/cases/" + caseId + "/actions").then().statusCode(201)
                .extract().path("id");
    }

    /** Runs {@code write} paused inside its transaction, closes the case meanwhile, and returns both answers. */
    private Response[] closeWhile(String caseId, Supplier<Response> write) throws Exception {
        TestClock.Pause pause = clock.pauseNextRequest();
        CompletableFuture<Response> writing = CompletableFuture.supplyAsync(write, pool);
        pause.awaitArrival(Duration.ofSeconds(30));
        CompletableFuture<Response> closing = CompletableFuture.supplyAsync(() -> as(DAKAR).header("If-Match", "\"1\"")
                .body(Map.of("closedOn", "2025-06-30")).post("/cases/" + caseId + "/close"), pool);
        // either the closing waits for the case's row, or (without the lock) it is already through
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> closing.isDone() || Database.someoneWaitsForALock(dataSource));
        pause.release();
        return new Response[] { writing.get(), closing.get() };
    }

    private void assertNothingAfterTheClosing(String caseId) {
        List<String> events = Database.outboxTypes(dataSource, caseId);
        assertThat(events).as("events of case %s in relay order", caseId).last().isEqualTo("case.closed");
        assertThat(events).containsOnlyOnce("case.closed");
        as(ANALYST).get("/cases/" + caseId).then().statusCode(200).body("status", org.hamcrest.Matchers.is("CLOSED"));
    }

    @Test
    void anActionLoggedWhileTheCaseClosesIsLoggedBeforeTheClosingOrNotAtAll() throws Exception {
        String caseId = openCase();
        Response[] answers = closeWhile(caseId, () -> as(DAKAR).body(action("Logged during closing"))
                .post("/cases/" + caseId + "/actions"));
        assertThat(answers[1].statusCode()).isEqualTo(200);
        assertThat(answers[0].statusCode()).isIn(201, 422);
        assertNothingAfterTheClosing(caseId);
        long actions = as(ANALYST).get("/cases/" + caseId + "/actions").jsonPath().getLong("total");
        assertThat(actions).isEqualTo(answers[0].statusCode() == 201 ? 1 : 0);
    }

    @Test
    void anActionRevisedWhileTheCaseClosesIsRevisedBeforeTheClosingOrNotAtAll() throws Exception {
        String caseId = openCase();
        String actionId = logAction(caseId);
        Response[] answers = closeWhile(caseId, () -> as(DAKAR).header("If-Match", "\"1\"")
                .body(action("Revised during closing")).put("/actions/" + actionId));
        assertThat(answers[1].statusCode()).isEqualTo(200);
        assertThat(answers[0].statusCode()).isIn(200, 422);
        assertNothingAfterTheClosing(caseId);
    }

    @Test
    void anActionMovedWhileTheCaseClosesIsMovedBeforeTheClosingOrNotAtAll() throws Exception {
        String caseId = openCase();
        String actionId = logAction(caseId);
        Response[] answers = closeWhile(caseId, () -> as(DAKAR).header("If-Match", "\"1\"")
                .body(Map.of("status", "IN_PROGRESS", "on", "2025-03-03")).post("/actions/" + actionId + "/status"));
        assertThat(answers[1].statusCode()).isEqualTo(200);
        assertThat(answers[0].statusCode()).isIn(200, 422);
        assertNothingAfterTheClosing(caseId);
    }

    @Test
    void aCaseRevisedWhileItClosesIsRevisedBeforeOrRefused() throws Exception {
        String caseId = openCase();
        Response[] answers = closeWhile(caseId, () -> as(DAKAR).header("If-Match", "\"1\"")
                .body(bilateral("Revised during closing", "SN-DAKAR", "GM")).put("/cases/" + caseId));
        // the revision holds the case: the closing, which named version 1, finds version 2 and is refused
        assertThat(answers[0].statusCode()).isEqualTo(200);
        assertThat(answers[1].statusCode()).isEqualTo(412);
        assertThat(Database.outboxTypes(dataSource, caseId)).containsExactly("case.opened", "case.updated");
    }
}
