package org.dcis.cooperation.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.EU_SYSTEM;
import static org.dcis.cooperation.support.Api.UN_SYSTEM;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.multilateral;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The incremental sync while writes go on: a partner system that pages from the start with small pages, during
 * concurrent writes, reads every change once (no gap, no duplicate), and sees a withdrawal when handling changes.
 */
@QuarkusTest
class PartnerSyncTest {
    private static final int WRITERS = 4;
    private static final int CASES_PER_WRITER = 4;
    private ExecutorService pool;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void setUp() {
        Directory.standardPosts();
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    /** One change as the test expects it: its type, what it is about, and the version of that. */
    record Expected(String type, String subject, long version) {
    }

    @Test
    void pagingFromTheStartDuringConcurrentWritesReturnsEveryChangeExactlyOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Queue expected = new Queue();
        List<CompletableFuture<Void>> writers = IntStream.range(0, WRITERS)
                .mapToObj(w -> CompletableFuture.runAsync(() -> write(run + "-" + w, expected), pool)).toList();

        List<Map<String, Object>> read = new ArrayList<>();
        String cursor = null;
        while (!writers.stream().allMatch(CompletableFuture::isDone)) {
            cursor = page(EU_SYSTEM, cursor, 7, read);
        }
        writers.forEach(CompletableFuture::join);
        JsonPath last;
        do {
            last = as(EU_SYSTEM).queryParam("updatedSince", cursor).queryParam("size", 7).get("/partner/v1/changes")
                    .then().statusCode(200).extract().jsonPath();
            read.addAll(last.getList("changes"));
            cursor = last.getString("nextCursor");
        } while (last.getBoolean("more") || !last.getList("changes").isEmpty());

        List<String> cursors = read.stream().map(c -> (String) c.get("cursor")).toList();
        assertThat(new HashSet<>(cursors)).as("no change is read twice").hasSize(cursors.size());
        Set<String> mine = expected.cases();
        List<Expected> got = read.stream().filter(c -> mine.contains((String) c.get("caseId")))
                .map(PartnerSyncTest::expected).toList();
        assertThat(got).as("every change of the writers, once each, nothing else").hasSize(expected.size())
                .containsExactlyInAnyOrderElementsOf(expected.all());
        assertThat(as(UN_SYSTEM).get("/partner/v1/changes?size=1000").then().statusCode(200).extract().jsonPath()
                .getList("changes.caseId")).doesNotContainAnyElementsOf(mine);
    }

    @Test
    void aHandlingChangeIsAWithdrawalWithoutContent() {
        String title = "Withdrawn " + UUID.randomUUID();
        var body = multilateral(title, "EU", "EUCAP-SAHEL-MALI", "INTERNAL", List.of("EU"));
        String id = as(DAKAR).body(body).post("/cases").then().statusCode(201).extract().path("id");
        String cursor = latestCursor(EU_SYSTEM);
        as(DAKAR).header("If-Match", "\"1\"").body(org.dcis.cooperation.support.Cases.with(body, "handling", "RESTRICTED"))
                .put("/cases/" + id).then().statusCode(200);

        List<Map<String, Object>> changes = drain(EU_SYSTEM, cursor);
        assertThat(changes).hasSize(1);
        Map<String, Object> withdrawal = changes.get(0);
        assertThat(withdrawal).containsEntry("type", "case.withdrawn").containsEntry("caseId", id);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) withdrawal.get("data");
        assertThat(data).containsEntry("caseId", id).containsEntry("reason", "HANDLING_RESTRICTED")
                .containsKey("withdrawnAt").doesNotContainKeys("title", "summary");
        assertThat(as(EU_SYSTEM).get("/partner/v1/changes?updatedSince=" + cursor).asString()).doesNotContain(title);

        // released again (handling back to INTERNAL): the case comes back, with the action logged meanwhile
        as(DAKAR).body(action("Logged while restricted")).post("/cases/" + id + "/actions").then().statusCode(201);
        String again = latestCursor(EU_SYSTEM);
        as(DAKAR).header("If-Match", "\"2\"").body(body).put("/cases/" + id).then().statusCode(200);
        assertThat(drain(EU_SYSTEM, again)).extracting(c -> c.get("type"))
                .containsExactly("case.updated", "action.updated");
    }

    /**
     * The reason no change is ever skipped: a change committed after a later one is still handed out after it,
     * because nothing behind a running transaction is handed out until that transaction ends.
     */
    @Test
    void aChangeOfALaterTransactionWaitsForAnEarlierOneStillRunning() throws Exception {
        String cursor = latestCursor(EU_SYSTEM);
        String early = UUID.randomUUID().toString();
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement insert = held.prepareStatement("INSERT INTO partner_change (organisation, change_type,"
                    + " case_id, subject, payload, changed_at) VALUES ('EU', 'case.updated', ?::uuid, ?::uuid,"
                    + " '{\"version\": 1}', now())")) {
                insert.setString(1, early);
                insert.setString(2, early);
                insert.executeUpdate();
            }
            String late = as(DAKAR).body(multilateral("Late " + early, "EU", null, "INTERNAL", List.of("EU")))
                    .post("/cases").then().statusCode(201).extract().path("id");
            assertThat(drain(EU_SYSTEM, cursor)).as("held back behind the running transaction").isEmpty();

            held.commit();
            assertThat(drain(EU_SYSTEM, cursor)).extracting(c -> c.get("caseId")).containsExactly(early, late);
        }
    }

    /** Positions are numbers: transaction 99 comes before transaction 100 (as text it would not, and 99 be skipped). */
    @Test
    void positionsAreOrderedAsNumbersNotAsText() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO partner_change (tx, organisation,"
                    + " change_type, case_id, subject, payload, changed_at) VALUES (?::xid8, 'UN', 'case.updated',"
                    + " ?::uuid, ?::uuid, '{\"version\": 1}', now())")) {
                for (String[] row : new String[][] { { "99", first }, { "100", second } }) {
                    insert.setString(1, row[0]);
                    insert.setString(2, row[1]);
                    insert.setString(3, row[1]);
                    insert.executeUpdate();
                }
            }
            try {
                List<Map<String, Object>> read = new ArrayList<>();
                String cursor = page(UN_SYSTEM, null, 1, read);
                page(UN_SYSTEM, cursor, 1, read);
                assertThat(read).extracting(c -> c.get("caseId")).containsExactly(first, second);
                assertThat(read).extracting(c -> c.get("cursor")).first().asString().startsWith("99.");
            } finally {
                try (PreparedStatement delete = db.prepareStatement("DELETE FROM partner_change WHERE case_id IN"
                        + " (?::uuid, ?::uuid)")) {
                    delete.setString(1, first);
                    delete.setString(2, second);
                    delete.executeUpdate();
                }
            }
        }
    }

    private static void write(String name, Queue expected) {
        for (int i = 0; i < CASES_PER_WRITER; i++) {
            var body = multilateral("Sync " + name + "-" + i, "EU", null, "INTERNAL", List.of("EU"));
            String id = as(DAKAR).body(body).post("/cases").then().statusCode(201).extract().path("id");
            expected.add(id, new Expected("case.opened", id, 1));
            String action = as(DAKAR).body(action("Sync action " + name)).post("/cases/" + id + "/actions").then()
                    .statusCode(201).extract().path("id");
            expected.add(id, new Expected("action.logged", action, 1));
            as(DAKAR).header("If-Match", "\"1\"").body(Map.of("status", "IN_PROGRESS", "on", "2025-03-03"))
                    .post("/actions/" + action + "/status").then().statusCode(200);
            expected.add(id, new Expected("action.status-changed", action, 2));
            as(DAKAR).header("If-Match", "\"1\"").body(org.dcis.cooperation.support.Cases.with(body, "title", "Revised " + name))
                    .put("/cases/" + id).then().statusCode(200);
            expected.add(id, new Expected("case.updated", id, 2));
            // not released to the EU: nothing in its log
            as(DAKAR).body(multilateral("Not released " + name, "EU", null, "INTERNAL", List.of())).post("/cases").then()
                    .statusCode(201);
        }
    }

    private static String page(String system, String cursor, int size, List<Map<String, Object>> into) {
        var request = as(system).queryParam("size", size);
        if (cursor != null) {
            request.queryParam("updatedSince", cursor);
        }
        JsonPath answer = request.get("/partner/v1/changes").then().statusCode(200).extract().jsonPath();
        into.addAll(answer.getList("changes"));
        return answer.getString("nextCursor");
    }

    /** Everything readable after a cursor, and the cursor after it. */
    private record Drained(List<Map<String, Object>> changes, String cursor) {
    }

    private static Drained drainFrom(String system, String cursor) {
        List<Map<String, Object>> changes = new ArrayList<>();
        String next = cursor;
        while (true) {
            int before = changes.size();
            next = page(system, next, 1000, changes);
            if (changes.size() == before) {
                return new Drained(changes, next);
            }
        }
    }

    private static String latestCursor(String system) {
        return drainFrom(system, null).cursor();
    }

    private static List<Map<String, Object>> drain(String system, String cursor) {
        return drainFrom(system, cursor).changes();
    }

    @SuppressWarnings("unchecked")
    private static Expected expected(Map<String, Object> change) {
        Map<String, Object> data = (Map<String, Object>) change.get("data");
        return new Expected((String) change.get("type"), (String) change.get("subject"),
                ((Number) data.get("version")).longValue());
    }

    /** What the writers did, collected from their threads. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<Expected> changes = new ConcurrentLinkedQueue<>();
        private final Set<String> cases = java.util.concurrent.ConcurrentHashMap.newKeySet();

        void add(String caseId, Expected change) {
            cases.add(caseId);
            changes.add(change);
        }

        Set<String> cases() {
            return cases;
        }

        List<Expected> all() {
            return List.copyOf(changes);
        }

        int size() {
            return changes.size();
        }
    }
}
