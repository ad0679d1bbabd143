package org.dcis.cooperation.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionService;
import org.dcis.cooperation.cases.CaseService;
import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.actions.Indicator;
import org.dcis.cooperation.cases.ExpertiseSpeciality;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.support.Api;
import org.dcis.cooperation.support.Database;
import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.PostEvents;
import org.dcis.platform.security.Caller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.time.SuiteCalendar;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The demo history on real servers (PostgreSQL, Kafka, Keycloak of the devstack), with the history enabled as the
 * local stack enables it: the test plays posts-service's demo network on dcis.posts.v1, the service loads the
 * history by itself once its directory knows those posts, and the test checks the rows it wrote against the plan
 * and against the domain's rules, with its own queries. Its own profile (a restart of the application, after the
 * classes without one): the 2 000 demo cases never meet the figures of the other tests.
 */
@QuarkusTest
@TestProfile(DemoHistoryTest.HistoryEnabled.class)
class DemoHistoryTest {
    private static final String DEMO = DemoHistory.SUBJECT;
    /** Above any version another test class published (their counter restarts with each application). */
    private static final long NETWORK_VERSION = 1_000_000;
    private static final long SEED = 20211206L;
    private static final int FIRST_BATCH = 25;
    private static boolean published;

    public static class HistoryEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dcis.cooperation.demo-history.enabled", "true");
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DemoHistory history;
    @Inject
    @Readiness
    DemoHistoryHealth health;
    @Inject
    CaseService cases;
    @Inject
    ActionService actions;
    @Inject
    SuiteCalendar calendar;

    /**
     * Plays the registry's demo network once, then waits until the service has loaded the history. On the way it
     * leaves the state a load cut short after its first batch leaves (25 cases of the plan written, the progress
     * row at 25, an anchor day that is no longer today): the service must resume from there, with that seed and
     * anchor day, and never write a case twice.
     */
    private synchronized void loaded() {
        if (!published) {
            // nothing is loaded while the directory misses posts of the network
            assertThat(history.loadIfDue().state()).isEqualTo(DemoHistory.State.WAITING);
            assertThat(count("SELECT count(*) FROM cooperation_case WHERE created_by = ?", DEMO)).isZero();

            LocalDate anchor = calendar.today().minusDays(1);
            DemoHistoryPlan plan = DemoHistoryPlan.generate(SEED, anchor);
            List<DemoHistoryPlan.PlannedCase> firstBatch = plan.cases().subList(0, FIRST_BATCH);
            Set<String> leading = firstBatch.stream().map(c -> c.terms().leadPost()).collect(Collectors.toSet());
            List<DemoNetwork.Post> network = DemoNetwork.posts();
            DemoNetwork.Post heldBack = network.stream().filter(p -> p.isOpen() && !leading.contains(p.id()))
                    .reduce((a, b) -> b).orElseThrow();
            network.stream().filter(p -> p != heldBack).forEach(DemoHistoryTest::publish);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> history.loadIfDue().missingPosts().equals(List.of(heldBack.id())));

            int written = QuarkusTransaction.requiringNew().call(() -> firstBatch.stream().mapToInt(this::writeAsTheLoader).sum());
            Database.strings(dataSource, "INSERT INTO demo_history (id, seed, anchor_date, planned_cases, planned_actions,"
                    + " loaded_cases, loaded_actions, started_at) VALUES (1, ?, ?, ?, ?, ?, ?, now()) RETURNING id", SEED,
                    anchor, plan.cases().size(), plan.actionCount(), FIRST_BATCH, written);
            publish(heldBack);
            published = true;
        }
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT count(*) FROM demo_history WHERE finished_at IS NOT NULL") == 1);
    }

    private static void publish(DemoNetwork.Post post) {
        var snapshot = PostEvents.snapshot(post.id(), post.hostCountry(), post.city(), post.status(), post.coverage(),
                NETWORK_VERSION);
        PostEvents.publish(post.isOpen() ? "post.opened" : "post.suspended", UUID.randomUUID().toString(), snapshot);
    }

    /** One planned case written as DemoHistory writes it: through the use cases, as the lead post's officer. */
    private int writeAsTheLoader(DemoHistoryPlan.PlannedCase planned) {
        Caller officer = new Caller(DEMO, DemoHistory.USERNAME, planned.terms().leadPost(), Set.of(Roles.OFFICER));
        var opened = cases.open(officer, planned.terms(), null).value();
        for (var action : planned.actions()) {
            var logged = actions.log(officer, opened.id(), action.terms(), null).value();
            long version = logged.version();
            for (var step : action.steps()) {
                version = actions.changeStatus(officer, logged.id(), version, step).version();
            }
        }
        if (planned.closure() != null) {
            cases.close(officer, opened.id(), opened.version(), planned.closure());
        }
        return planned.actions().size();
    }

    private DemoHistoryPlan storedPlan() {
        long seed = Long.parseLong(one("SELECT seed FROM demo_history"));
        LocalDate anchor = LocalDate.parse(one("SELECT anchor_date FROM demo_history"));
        return DemoHistoryPlan.generate(seed, anchor);
    }

    @Test
    void theLoadIsTheSeedsPlanAndTheSameSeedGivesTheSameContent() {
        loaded();
        DemoHistoryPlan plan = storedPlan();
        assertThat(plan.seed()).isEqualTo(SEED);
        // the anchor day the load began with (yesterday), not the day it resumed
        assertThat(plan.anchor()).isBefore(calendar.today());
        Map<String, String> planned = plan.summary();
        assertThat(DemoHistoryPlan.generate(SEED, calendar.today()).summary().get("fingerprint"))
                .isNotEqualTo(planned.get("fingerprint"));
        assertThat(DemoHistoryPlan.generate(plan.seed(), plan.anchor()).summary()).isEqualTo(planned);
        assertThat(DemoHistoryPlan.generate(plan.seed() + 1, plan.anchor()).summary().get("fingerprint"))
                .isNotEqualTo(planned.get("fingerprint"));

        // the same figures, counted here from the stored rows
        Map<String, BigDecimal> stored = storedSummary();
        Map<String, BigDecimal> expected = new TreeMap<>();
        planned.forEach((key, value) -> {
            if (!key.equals("fingerprint")) {
                expected.put(key, new BigDecimal(value));
            }
        });
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, value) -> assertThat(stored.get(key)).as(key).isEqualByComparingTo(value));
        assertThat(count("SELECT planned_cases FROM demo_history")).isEqualTo(plan.cases().size());
        assertThat(count("SELECT loaded_actions FROM demo_history")).isEqualTo(plan.actionCount());
    }

    @Test
    void countsAreNearTheTargetsAndEveryValueIsPresent() {
        loaded();
        long cases = count("SELECT count(*) FROM cooperation_case WHERE created_by = ?", DEMO);
        long actions = count("SELECT count(*) FROM cooperation_action WHERE created_by = ?", DEMO);
        assertThat(cases).isBetween(1_900L, 2_100L);
        assertThat(actions).isBetween(18_000L, 22_000L);
        Map<String, BigDecimal> stored = storedSummary();
        for (Theme theme : Theme.values()) {
            assertThat(stored).containsKey("case.theme." + theme);
        }
        for (ExpertiseSpeciality speciality : ExpertiseSpeciality.values()) {
            assertThat(stored).containsKey("case.speciality." + speciality);
        }
        for (Framework framework : Framework.values()) {
            assertThat(stored).containsKey("case.framework." + framework);
        }
        for (ActionKind kind : ActionKind.values()) {
            assertThat(stored).containsKey("action.kind." + kind);
        }
        for (ActionType type : ActionType.values()) {
            assertThat(stored).containsKey("action.type." + type);
        }
        for (ActionStatus status : ActionStatus.values()) {
            assertThat(stored).containsKey("action.status." + status);
        }
        assertThat(stored).containsKeys("case.status.OPEN", "case.status.CLOSED", "case.handling.RESTRICTED",
                "case.mission.MINUSCA-UNPOL", "case.mission.MINUSMA", "case.mission.EUCAP-SAHEL-MALI",
                "case.mission.EUBAM-LIBYA", "case.mission.UNODC-AIRCOP", "case.mission.UNODC-GMCP",
                "outcome.SEIZURE.kg", "outcome.SEIZURE.EUR", "outcome.SEIZURE.weapons");
        for (Indicator indicator : Indicator.values()) {
            assertThat(stored.keySet()).anyMatch(key -> key.startsWith("outcome." + indicator + ".")
                    || key.equals("outcome." + indicator));
        }
        // through the API as well: HQ sees the demo cases of a post, RESTRICTED ones included
        long dakar = count("SELECT count(*) FROM cooperation_case WHERE created_by = ? AND lead_post = 'SN-DAKAR'", DEMO);
        assertThat(dakar).isPositive();
        Api.as(Api.ANALYST).queryParam("post", "SN-DAKAR").queryParam("size", 1).get("/cases").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo((int) dakar));
        // how long the load took is printed, never asserted: timings are the benchmarks' business
        double seconds = Double.parseDouble(one("SELECT extract(epoch FROM finished_at - started_at) FROM demo_history"));
        System.out.printf("Demo history: %d cases, %d actions; the last %d cases loaded in %.1f s%n", cases, actions,
                cases - FIRST_BATCH, seconds);
    }

    @Test
    void theDashboardCountsTheWholeHistoryOnceLoaded() {
        loaded();
        // the load counts nothing row by row; the read model is rebuilt in the transaction that marks it loaded
        long cases = count("SELECT count(*) FROM cooperation_case");
        long actions = count("SELECT count(*) FROM cooperation_action WHERE status <> 'CANCELLED'");
        long cancelled = count("SELECT count(*) FROM cooperation_action WHERE status = 'CANCELLED'");
        var summary = Api.as(Api.ANALYST).get("/dashboard/summary").then().statusCode(200).extract().jsonPath();
        assertThat(summary.getLong("rows[0].cases")).isEqualTo(cases);
        assertThat(summary.getLong("rows[0].actions")).isEqualTo(actions);
        assertThat(summary.getLong("rows[0].cancelledActions")).isEqualTo(cancelled);
    }

    @Test
    void everyCaseAndActionKeepsTheDomainsRules() {
        loaded();
        DemoHistoryPlan plan = storedPlan();
        String anchor = plan.anchor().toString();
        String first = plan.firstDay().toString();
        Map<String, String> violations = new TreeMap<>();
        violations.put("case opened outside the five years",
                "SELECT count(*) FROM cooperation_case WHERE created_by = ? AND (opened_on < DATE '" + first
                        + "' OR opened_on > DATE '" + anchor + "')");
        violations.put("bilateral partner not covered by the lead post",
                "SELECT count(*) FROM cooperation_case c JOIN directory_post d ON d.id = c.lead_post WHERE c.created_by = ?"
                        + " AND c.framework = 'BILATERAL' AND NOT (c.partner_country = ANY (d.coverage))");
        violations.put("lead post not open", "SELECT count(*) FROM cooperation_case c JOIN directory_post d"
                + " ON d.id = c.lead_post WHERE c.created_by = ? AND d.status <> 'OPEN'");
        violations.put("mission of another organisation or out of its dates",
                "SELECT count(*) FROM cooperation_case c JOIN mission m ON m.code = c.mission_code WHERE c.created_by = ?"
                        + " AND (m.organisation <> c.organisation OR c.opened_on < m.starts_on"
                        + " OR (m.ends_on IS NOT NULL AND c.opened_on > m.ends_on))");
        violations.put("speciality without expertise export or the reverse",
                "SELECT count(*) FROM cooperation_case WHERE created_by = ?"
                        + " AND ('EXPERTISE_EXPORT' = ANY (themes)) <> (speciality IS NOT NULL)");
        violations.put("closed before opening or in the future", "SELECT count(*) FROM cooperation_case WHERE created_by = ?"
                + " AND status = 'CLOSED' AND (closed_on < opened_on OR closed_on > DATE '" + anchor + "')");
        violations.put("action planned before its case opened", "SELECT count(*) FROM cooperation_action a"
                + " JOIN cooperation_case c ON c.id = a.case_id WHERE c.created_by = ? AND (a.planned_start < c.opened_on"
                + " OR a.actual_start < c.opened_on)");
        violations.put("planned end before planned start", "SELECT count(*) FROM cooperation_action WHERE created_by = ?"
                + " AND planned_end < planned_start");
        violations.put("actual dates in the future", "SELECT count(*) FROM cooperation_action WHERE created_by = ?"
                + " AND (actual_start > DATE '" + anchor + "' OR actual_end > DATE '" + anchor + "')");
        violations.put("status and actual dates disagree", "SELECT count(*) FROM cooperation_action WHERE created_by = ? AND ("
                + " (status = 'PLANNED' AND (actual_start IS NOT NULL OR actual_end IS NOT NULL))"
                + " OR (status = 'IN_PROGRESS' AND (actual_start IS NULL OR actual_end IS NOT NULL))"
                + " OR (status = 'COMPLETED' AND (actual_start IS NULL OR actual_end IS NULL OR actual_end < actual_start))"
                + " OR (status = 'CANCELLED' AND actual_end IS NOT NULL))");
        violations.put("cancellation without a reason", "SELECT count(*) FROM cooperation_action WHERE created_by = ?"
                + " AND status = 'CANCELLED' AND (cancellation_reason IS NULL OR btrim(cancellation_reason) = '')");
        violations.put("outcomes on an action not completed", "SELECT count(*) FROM cooperation_action WHERE created_by = ?"
                + " AND status <> 'COMPLETED' AND outcomes <> '[]'");
        violations.put("seizure without a unit", "SELECT count(*) FROM cooperation_action a,"
                + " jsonb_array_elements(a.outcomes::jsonb) o WHERE a.created_by = ? AND o->>'indicator' = 'SEIZURE'"
                + " AND coalesce(o->>'unit', '') = ''");
        violations.put("action of a closed case still open or after the closure", "SELECT count(*) FROM cooperation_action a"
                + " JOIN cooperation_case c ON c.id = a.case_id WHERE c.created_by = ? AND c.status = 'CLOSED' AND ("
                + " a.status NOT IN ('COMPLETED', 'CANCELLED') OR a.actual_end > c.closed_on"
                + " OR a.actual_start > c.closed_on OR a.planned_start > c.closed_on)");
        // the closure is the last write of a closed case: no action was logged nor changed after it
        violations.put("action written after its case closed", "SELECT count(*) FROM audit_record w"
                + " JOIN cooperation_action a ON w.target_type = 'action' AND w.target_id = a.id::text"
                + " JOIN audit_record closing ON closing.target_type = 'case' AND closing.target_id = a.case_id::text"
                + " AND closing.operation = 'case.closed' WHERE a.created_by = ? AND w.id > closing.id");
        violations.put("demo row of another writer or the reverse", "SELECT count(*) FROM cooperation_action a"
                + " JOIN cooperation_case c ON c.id = a.case_id WHERE a.created_by <> c.created_by AND ? IN (a.created_by, c.created_by)");
        violations.forEach((rule, sql) -> assertThat(count(sql, DEMO)).as(rule).isZero());

        // every write went through the use cases: audited in the name of the demo history, as the lead post
        assertThat(count("SELECT count(*) FROM audit_record WHERE subject = ?", DEMO)).isEqualTo(plan.writeCount());
        assertThat(count("SELECT count(*) FROM audit_record r JOIN cooperation_case c ON r.target_type = 'case'"
                + " AND r.target_id = c.id::text WHERE r.subject = ? AND r.post_id <> c.lead_post", DEMO)).isZero();
        assertThat(count("SELECT count(*) FROM audit_record WHERE subject = ? AND operation = 'case.closed'", DEMO))
                .isEqualTo(count("SELECT count(*) FROM cooperation_case WHERE created_by = ? AND status = 'CLOSED'", DEMO))
                .isPositive();
        // and announced through the outbox, one event per write
        // (on dcis.cooperation.v1: the partner feeds add their own events, keyed by case too, on the partner topics)
        assertThat(count("SELECT count(*) FROM outbox_event o JOIN cooperation_case c ON o.event_key = c.id::text"
                + " WHERE o.topic = 'dcis.cooperation.v1' AND c.created_by = ?", DEMO)).isEqualTo(plan.writeCount());
    }

    @Test
    void theHistoryIsNotLoadedTwice() {
        loaded();
        long cases = count("SELECT count(*) FROM cooperation_case WHERE created_by = ?", DEMO);
        long actions = count("SELECT count(*) FROM cooperation_action WHERE created_by = ?", DEMO);
        long audited = count("SELECT count(*) FROM audit_record WHERE subject = ?", DEMO);

        DemoHistory.Result again = history.loadIfDue();
        assertThat(again.state()).isEqualTo(DemoHistory.State.ALREADY_LOADED);
        assertThat(again.cases()).isEqualTo((int) cases);
        // a directory change wakes the loader again: it finds the finished history and writes nothing
        var dakar = DemoNetwork.posts().stream().filter(p -> p.id().equals("SN-DAKAR")).findFirst().orElseThrow();
        long version = NETWORK_VERSION + 1 + (long) (Math.random() * 1_000);
        PostEvents.publish("post.updated", UUID.randomUUID().toString(), PostEvents.snapshot(dakar.id(),
                dakar.hostCountry(), dakar.city(), "OPEN", dakar.coverage(), version));
        Directory.awaitVersion("SN-DAKAR", version);
        assertThat(history.loadIfDue().state()).isEqualTo(DemoHistory.State.ALREADY_LOADED);
        var details = health.call();
        assertThat(details.getStatus()).isEqualTo(org.eclipse.microprofile.health.HealthCheckResponse.Status.UP);
        assertThat(details.getData().orElseThrow()).containsEntry("state", "loaded")
                .containsEntry("loadedCases", cases).containsEntry("enabled", true);

        assertThat(count("SELECT count(*) FROM cooperation_case WHERE created_by = ?", DEMO)).isEqualTo(cases);
        assertThat(count("SELECT count(*) FROM cooperation_action WHERE created_by = ?", DEMO)).isEqualTo(actions);
        assertThat(count("SELECT count(*) FROM audit_record WHERE subject = ?", DEMO)).isEqualTo(audited);
        assertThat(count("SELECT count(*) FROM demo_history")).isEqualTo(1);
    }

    /** The summary of {@link DemoHistoryPlan#summary()}, counted from the rows the demo history wrote. */
    private Map<String, BigDecimal> storedSummary() {
        Map<String, BigDecimal> summary = new TreeMap<>();
        String cases = " FROM cooperation_case WHERE created_by = ?";
        String actions = " FROM cooperation_action WHERE created_by = ?";
        List<String> queries = List.of(
                "SELECT 'cases=' || count(*)" + cases,
                "SELECT 'case.framework.' || framework || '=' || count(*)" + cases + " GROUP BY framework",
                "SELECT 'case.theme.' || t || '=' || count(*) FROM cooperation_case, unnest(themes) t WHERE created_by = ?"
                        + " GROUP BY t",
                "SELECT 'case.speciality.' || speciality || '=' || count(*)" + cases
                        + " AND speciality IS NOT NULL GROUP BY speciality",
                "SELECT 'case.organisation.' || organisation || '=' || count(*)" + cases
                        + " AND organisation IS NOT NULL GROUP BY organisation",
                "SELECT 'case.mission.' || mission_code || '=' || count(*)" + cases
                        + " AND mission_code IS NOT NULL GROUP BY mission_code",
                "SELECT 'case.handling.' || handling || '=' || count(*)" + cases + " GROUP BY handling",
                "SELECT 'case.status.' || status || '=' || count(*)" + cases + " GROUP BY status",
                "SELECT 'actions=' || count(*)" + actions,
                "SELECT 'action.kind.' || kind || '=' || count(*)" + actions + " GROUP BY kind",
                "SELECT 'action.type.' || type || '=' || count(*)" + actions + " GROUP BY type",
                "SELECT 'action.status.' || status || '=' || count(*)" + actions + " GROUP BY status",
                "SELECT 'outcome.' || (o->>'indicator') || coalesce('.' || (o->>'unit'), '') || '='"
                        + " || sum((o->>'quantity')::numeric) FROM cooperation_action a, jsonb_array_elements(a.outcomes::jsonb) o"
                        + " WHERE a.created_by = ? AND a.status = 'COMPLETED' GROUP BY o->>'indicator', o->>'unit'");
        for (String query : queries) {
            for (String line : Database.strings(dataSource, query, DEMO)) {
                int equals = line.lastIndexOf('=');
                summary.put(line.substring(0, equals), new BigDecimal(line.substring(equals + 1)));
            }
        }
        return summary;
    }

    private long count(String sql, Object... params) {
        return Database.count(dataSource, sql, params);
    }

    private String one(String sql) {
        return Database.strings(dataSource, sql).get(0);
    }
}
