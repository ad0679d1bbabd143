package org.dcis.cooperation.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.with;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.dcis.cooperation.support.Database;
import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bulk rebuild (one INSERT ... SELECT per table from the cases and actions) writes exactly the rows the updater
 * kept current write by write: after every kind of write (open, log, revise, status changes, cancellation, close),
 * rebuilding changes no row of the read model.
 */
@QuarkusTest
class DashboardRebuildTest {
    private static final List<String> TABLES = List.of("dashboard_case_fact", "dashboard_action_fact",
            "dashboard_indicator_fact", "dashboard_rollup", "dashboard_indicator_rollup");

    @Inject
    DashboardRebuild rebuild;

    @Inject
    AgroalDataSource dataSource;

    private List<String> rows(String table) {
        return Database.strings(dataSource, "SELECT f::text FROM " + table + " f ORDER BY 1");
    }

    @Test
    void theRebuildEqualsWhatTheUpdaterKept() {
        Directory.standardPosts();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            String caseId = as(DAKAR).body(with(bilateral("Rebuild " + i + " " + tag, "SN-DAKAR", "CV"), "openedOn",
                    "2001-0" + (i + 1) + "-15")).post("/cases").then().statusCode(201).extract().path("id");
            String done = as(DAKAR).body(with(action("Done " + tag), "plannedStart", "2001-02-0" + (i + 1)))
                    .post("/cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");
            as(DAKAR).header("If-Match", "\"1\"").body(Map.of("status", "IN_PROGRESS", "on", "2001-02-10"))
                    .post("/actions/" + done + "/status").then().statusCode(200);
            as(DAKAR).header("If-Match", "\"2\"").body(Map.of("status", "COMPLETED", "on", "2001-02-12"))
                    .post("/actions/" + done + "/status").then().statusCode(200);
            String revised = as(DAKAR).body(with(action("Revised " + tag), "plannedStart", "2001-03-01"))
                    .post("/cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");
            as(DAKAR).header("If-Match", "\"1\"").body(with(with(with(action("Revised " + tag), "plannedStart", "2001-04-01"),
                    "plannedEnd", "2001-04-03"), "outcomes", List.of(Map.of("indicator", "ARRESTS", "quantity", i + 1))))
                    .put("/actions/" + revised).then().statusCode(200);
            String cancelled = as(DAKAR).body(with(action("Cancelled " + tag), "plannedStart", "2001-03-01"))
                    .post("/cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");
            as(DAKAR).header("If-Match", "\"1\"").body(Map.of("status", "CANCELLED", "reason", "no budget"))
                    .post("/actions/" + cancelled + "/status").then().statusCode(200);
            as(DAKAR).header("If-Match", "\"1\"").body(with(with(bilateral("Rebuild " + i + " " + tag, "SN-DAKAR", "GM"),
                    "openedOn", "2001-0" + (i + 1) + "-16"), "themes", List.of("TERRORISM", "CYBERCRIME")))
                    .put("/cases/" + caseId).then().statusCode(200);
            if (i == 0) {
                as(DAKAR).header("If-Match", "\"2\"").body(Map.of("closedOn", "2001-05-01")).post("/cases/" + caseId + "/close")
                        .then().statusCode(200);
            }
        }
        Map<String, List<String>> incremental = TABLES.stream().collect(java.util.stream.Collectors.toMap(t -> t, this::rows));
        assertThat(incremental.get("dashboard_action_fact")).isNotEmpty();
        assertThat(incremental.get("dashboard_indicator_fact")).isNotEmpty();
        // no row left at zero by a withdrawal
        assertThat(Database.count(dataSource, "SELECT count(*) FROM dashboard_action_fact WHERE actions <= 0")).isZero();
        assertThat(Database.count(dataSource, "SELECT count(*) FROM dashboard_case_fact WHERE cases <= 0")).isZero();
        assertThat(Database.count(dataSource, "SELECT count(*) FROM dashboard_indicator_fact WHERE outcomes <= 0")).isZero();
        assertThat(Database.count(dataSource, "SELECT count(*) FROM dashboard_rollup WHERE cases < 0 OR actions < 0"
                + " OR cancelled < 0 OR (cases = 0 AND actions = 0 AND cancelled = 0)")).isZero();
        assertThat(Database.count(dataSource, "SELECT count(*) FROM dashboard_indicator_rollup WHERE outcomes <= 0")).isZero();

        DashboardRebuild.Rebuilt rebuilt = rebuild.rebuild();

        for (String table : TABLES) {
            assertThat(rows(table)).as(table).isEqualTo(incremental.get(table));
        }
        assertThat(rebuilt.actionRows()).isEqualTo(incremental.get("dashboard_action_fact").size());
        assertThat(rebuilt.caseRows()).isEqualTo(incremental.get("dashboard_case_fact").size());
        // and the read model counts every stored case and action once
        assertThat(Database.count(dataSource, "SELECT sum(actions) FROM dashboard_action_fact"))
                .isEqualTo(Database.count(dataSource, "SELECT count(*) FROM cooperation_action"));
        assertThat(Database.count(dataSource, "SELECT sum(cases) FROM dashboard_case_fact"))
                .isEqualTo(Database.count(dataSource, "SELECT count(*) FROM cooperation_case"));
        assertThat(Database.count(dataSource, "SELECT sum(cases) FROM dashboard_rollup WHERE dim = 'all'"))
                .isEqualTo(Database.count(dataSource, "SELECT count(*) FROM cooperation_case"));
        assertThat(Database.count(dataSource, "SELECT sum(actions + cancelled) FROM dashboard_rollup WHERE dim = 'all'"))
                .isEqualTo(Database.count(dataSource, "SELECT count(*) FROM cooperation_action"));
        // nothing to do on a database whose read model exists (the start of the service asks the same)
        assertThat(rebuild.rebuildIfEmpty()).isFalse();
    }
}
