package org.dcis.cooperation.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ADMIN;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.BOGOTA;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.PARTNER_EU;
import static org.dcis.cooperation.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The dashboard on a history seeded through the API in 1997 (a year no other test writes in), checked figure by
 * figure against expectations computed here from what was seeded: every count table, indicators, summary, posts,
 * France's return; first and last days inclusive; an officer's view of their own post (their restricted case
 * included, other posts' never); cancelled actions; a case whose actions span two months; status filters.
 */
@QuarkusTest
class DashboardApiTest {
    static final String FROM = "1997-01-01";
    static final String TO = "1997-12-31";
    static final Map<String, String> CONTINENT = Map.of("SN", "002", "GM", "002", "CV", "002", "ML", "002",
            "CO", "019", "EC", "019", "PE", "019");
    static final Map<String, String> AXIS = Map.of("DRUG_TRAFFICKING", "DRUG_AND_ARMS_TRAFFICKING",
            "ARMS_TRAFFICKING", "DRUG_AND_ARMS_TRAFFICKING", "CYBERCRIME", "CYBERCRIME", "TERRORISM", "TERRORISM",
            "ORGANISED_CRIME", "TRANSNATIONAL_ORGANISED_CRIME", "IRREGULAR_IMMIGRATION", "IRREGULAR_IMMIGRATION",
            "EXPERTISE_EXPORT", "EXPERTISE_EXPORT");

    /** A seeded case, as the test knows it. */
    record SeededCase(String id, String post, List<String> themes, String framework, String organisation, String mission,
            List<String> countries, LocalDate opened, String[] status) {
    }

    record Outcome(String indicator, String unit, BigDecimal quantity) {
    }

    /** A seeded action; {@code day} is its actual start if any, else its planned start (the documented rule). */
    record SeededAction(SeededCase of, String kind, String type, LocalDate[] day, String country, int experts,
            int trained, List<Outcome> outcomes, String[] status) {
    }

    static final List<SeededCase> CASES = new ArrayList<>();
    static final List<SeededAction> ACTIONS = new ArrayList<>();
    static boolean seeded;

    @BeforeEach
    void history() {
        Directory.standardPosts();
        if (seeded) {
            return;
        }
        // A: Dakar, bilateral Cape Verde, opened on the last day of January; its actions span January and February
        SeededCase a = open(DAKAR, "SN-DAKAR", "BILATERAL", "CV", null, null, List.of("DRUG_TRAFFICKING", "ORGANISED_CRIME"),
                null, List.of(), "INTERNAL", "1997-01-31");
        SeededAction a1 = log(DAKAR, a, "TECHNICAL", "TRAINING", "1997-01-31", "CV", 2, 18,
                List.of(new Outcome("PERSONS_TRAINED", null, new BigDecimal("18")), new Outcome("SEIZURE", "t", new BigDecimal("1.2"))));
        move(DAKAR, a1, 1, Map.of("status", "IN_PROGRESS", "on", "1997-01-31"));
        move(DAKAR, a1, 2, Map.of("status", "COMPLETED", "on", "1997-02-03"));
        log(DAKAR, a, "OPERATIONAL", "JOINT_OPERATION", "1997-02-01", "SN", 3, 0,
                List.of(new Outcome("ARRESTS", null, new BigDecimal("4")), new Outcome("SEIZURE", "kg", new BigDecimal("300"))));
        SeededAction a3 = log(DAKAR, a, "INSTITUTIONAL", "INSTITUTIONAL_MEETING", "1997-02-10", "GM", 1, 0,
                List.of(new Outcome("ARRESTS", null, new BigDecimal("2"))));
        move(DAKAR, a3, 1, Map.of("status", "CANCELLED", "reason", "Partner service reorganised"));
        // B: Dakar, multilateral EU mission, RESTRICTED (seen by Dakar's officer and HQ only)
        SeededCase b = open(DAKAR, "SN-DAKAR", "MULTILATERAL", null, "EU", "EUCAP-SAHEL-MALI",
                List.of("TERRORISM", "EXPERTISE_EXPORT"), "JUDICIAL_INVESTIGATION", List.of("ML"), "RESTRICTED", "1997-03-15");
        log(DAKAR, b, "TECHNICAL", "TRAINING", "1997-03-20", "ML", 4, 25,
                List.of(new Outcome("PERSONS_TRAINED", null, new BigDecimal("25"))));
        log(DAKAR, b, "TECHNICAL", "EXPERT_MISSION", "1997-12-31", "ML", 1, 0, List.of());
        // C: Bogotá, RESTRICTED, with actions just before and just after the year
        SeededCase c = open(BOGOTA, "CO-BOGOTA", "BILATERAL", "CO", null, null, List.of("CYBERCRIME"), null, List.of(),
                "RESTRICTED", "1997-06-01");
        log(BOGOTA, c, "OPERATIONAL", "INFORMATION_EXCHANGE", "1997-06-05", "CO", 0, 0,
                List.of(new Outcome("NETWORKS_DISMANTLED", null, new BigDecimal("1")), new Outcome("SEIZURE", "kg", new BigDecimal("50.5"))));
        log(BOGOTA, c, "OPERATIONAL", "INFORMATION_EXCHANGE", "1996-12-31", "EC", 0, 0,
                List.of(new Outcome("ARRESTS", null, new BigDecimal("9"))));
        log(BOGOTA, c, "TECHNICAL", "TRAINING", "1998-01-01", "CO", 2, 10, List.of());
        // D: Bogotá, multilateral UN programme on two countries, opened on the first day of the year, closed later
        SeededCase d = open(BOGOTA, "CO-BOGOTA", "MULTILATERAL", null, "UN", "UNODC-CRIMJUST",
                List.of("DRUG_TRAFFICKING", "ARMS_TRAFFICKING"), null, List.of("CO", "PE"), "INTERNAL", "1997-01-01");
        log(BOGOTA, d, "OPERATIONAL", "JOINT_OPERATION", "1997-01-01", "PE", 5, 0,
                List.of(new Outcome("ARRESTS", null, new BigDecimal("7")), new Outcome("SEIZURE", "t", new BigDecimal("2"))));
        SeededAction d2 = log(BOGOTA, d, "TECHNICAL", "EQUIPMENT_DONATION", "1997-07-14", "CO", 1, 0,
                List.of(new Outcome("EQUIPMENT_DELIVERED", "units", new BigDecimal("12"))));
        move(BOGOTA, d2, 1, Map.of("status", "IN_PROGRESS", "on", "1997-08-02"));
        d2.day()[0] = LocalDate.parse("1997-08-02");
        close(BOGOTA, d, 1, "1997-09-30");
        // E: Bogotá, opened the day before the year; its one action is inside it
        SeededCase e = open(BOGOTA, "CO-BOGOTA", "BILATERAL", "EC", null, null, List.of("IRREGULAR_IMMIGRATION"), null,
                List.of(), "INTERNAL", "1996-12-31");
        log(BOGOTA, e, "INSTITUTIONAL", "STUDY_VISIT", "1997-05-05", "EC", 2, 6, List.of());
        seeded = true;
    }

    // ---------------------------------------------------------------- seeding through the API

    private static SeededCase open(String user, String post, String framework, String partner, String organisation,
            String mission, List<String> themes, String speciality, List<String> concerned, String handling, String opened) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Dashboard " + post + " " + opened + " " + themes);
        body.put("framework", framework);
        body.put("partnerCountry", partner);
        body.put("organisation", organisation);
        body.put("mission", mission);
        body.put("themes", themes);
        body.put("speciality", speciality);
        body.put("leadPost", post);
        body.put("countries", concerned);
        body.put("handling", handling);
        body.put("releasableTo", List.of());
        body.put("openedOn", opened);
        String id = as(user).body(body).post("/cases").then().statusCode(201).extract().path("id");
        Set<String> countries = new TreeSet<>(concerned);
        if (partner != null) {
            countries.add(partner);
        }
        SeededCase seeded = new SeededCase(id, post, themes, framework, organisation, mission, List.copyOf(countries),
                LocalDate.parse(opened), new String[] { "OPEN" });
        CASES.add(seeded);
        return seeded;
    }

    private static SeededAction log(String user, SeededCase on, String kind, String type, String plannedStart,
            String country, int experts, int trained, List<Outcome> outcomes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("type", type);
        body.put("title", type + " " + plannedStart);
        body.put("plannedStart", plannedStart);
        body.put("place", Map.of("country", country));
        body.put("participants", Map.of("frenchExperts", experts, "partnerOfficersTrained", trained));
        body.put("outcomes", outcomes.stream().map(o -> {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("indicator", o.indicator());
            outcome.put("quantity", o.quantity());
            if (o.unit() != null) {
                outcome.put("unit", o.unit());
            }
            return outcome;
        }).toList());
        String id = as(user).body(body).post("/cases/" + on.id() + "/actions").then().statusCode(201).extract().path("id");
        SeededAction action = new SeededAction(on, kind, type, new LocalDate[] { LocalDate.parse(plannedStart) }, country,
                experts, trained, outcomes, new String[] { "PLANNED", id });
        ACTIONS.add(action);
        return action;
    }

    private static void move(String user, SeededAction action, long version, Map<String, Object> change) {
        as(user).header("If-Match", "\"" + version + "\"").body(change).post("/actions/" + action.status()[1] + "/status")
                .then().statusCode(200);
        action.status()[0] = (String) change.get("status");
    }

    private static void close(String user, SeededCase c, long version, String on) {
        as(user).header("If-Match", "\"" + version + "\"").body(Map.of("closedOn", on)).post("/cases/" + c.id() + "/close")
                .then().statusCode(200);
        c.status()[0] = "CLOSED";
    }

    // ---------------------------------------------------------------- expectations computed from the seeded rows

    /** What a query asks, applied here to the seeded rows. */
    record Ask(String from, String to, String post, String theme, String status, String country, String kind) {
        static Ask year() {
            return new Ask(FROM, TO, null, null, null, null, null);
        }

        Ask post(String p) {
            return new Ask(from, to, p, theme, status, country, kind);
        }

        Ask days(String f, String t) {
            return new Ask(f, t, post, theme, status, country, kind);
        }

        Ask status(String s) {
            return new Ask(from, to, post, theme, s, country, kind);
        }

        Ask theme(String t) {
            return new Ask(from, to, post, t, status, country, kind);
        }

        Ask country(String c) {
            return new Ask(from, to, post, theme, status, c, kind);
        }

        Ask kind(String k) {
            return new Ask(from, to, post, theme, status, country, k);
        }

        boolean inDays(LocalDate day) {
            return !day.isBefore(LocalDate.parse(from)) && !day.isAfter(LocalDate.parse(to));
        }

        boolean caseStatus() {
            return "OPEN".equals(status) || "CLOSED".equals(status);
        }

        boolean matches(SeededCase c) {
            return inDays(c.opened()) && (post == null || post.equals(c.post()))
                    && (theme == null || c.themes().contains(theme))
                    && (country == null || c.countries().contains(country))
                    && (status == null || !caseStatus() || status.equals(c.status()[0]));
        }

        boolean matches(SeededAction a) {
            SeededCase c = a.of();
            return inDays(a.day()[0]) && (post == null || post.equals(c.post()))
                    && (theme == null || c.themes().contains(theme))
                    && (country == null || country.equals(a.country()))
                    && (kind == null || kind.equals(a.kind()))
                    && (status == null || (caseStatus() ? status.equals(c.status()[0]) : status.equals(a.status()[0])));
        }

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("from", from);
            params.put("to", to);
            Stream.of(new Object[][] { { "post", post }, { "theme", theme }, { "status", status }, { "country", country },
                    { "kind", kind } }).filter(p -> p[1] != null).forEach(p -> params.put((String) p[0], p[1]));
            return params;
        }
    }

    static List<String> caseKeys(String by, SeededCase c) {
        List<String> none = new ArrayList<>();
        none.add(null);
        return switch (by) {
            case "theme" -> c.themes();
            case "framework" -> List.of(c.framework());
            case "organisation" -> c.organisation() == null ? none : List.of(c.organisation());
            case "mission" -> c.mission() == null ? none : List.of(c.mission());
            case "country" -> c.countries();
            case "continent" -> c.countries().stream().map(CONTINENT::get).distinct().toList();
            case "post" -> List.of(c.post());
            case "month" -> List.of(c.opened().toString().substring(0, 7));
            default -> List.of();
        };
    }

    static List<String> actionKeys(String by, SeededAction a) {
        return switch (by) {
            case "kind" -> List.of(a.kind());
            case "type" -> List.of(a.type());
            case "country" -> List.of(a.country());
            case "continent" -> List.of(CONTINENT.get(a.country()));
            case "month" -> List.of(a.day()[0].toString().substring(0, 7));
            default -> caseKeys(by, a.of());
        };
    }

    static boolean cancelled(SeededAction a) {
        return "CANCELLED".equals(a.status()[0]);
    }

    /** key -> [cases, actions, cancelled actions], only the non-zero ones. */
    static Map<String, List<Long>> expectedCounts(String by, Ask ask) {
        Map<String, long[]> counts = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Function<String, long[]> row = k -> new long[3];
        CASES.stream().filter(ask::matches).forEach(c -> caseKeys(by, c).forEach(k -> counts.computeIfAbsent(k, row)[0]++));
        ACTIONS.stream().filter(ask::matches).forEach(a -> actionKeys(by, a)
                .forEach(k -> counts.computeIfAbsent(k, row)[cancelled(a) ? 2 : 1]++));
        Map<String, List<Long>> expected = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        counts.forEach((k, v) -> expected.put(k, List.of(v[0], v[1], v[2])));
        return expected;
    }

    static Map<String, List<Long>> actualCounts(Response response, boolean withCases) {
        Map<String, List<Long>> actual = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Map<String, Object> row : response.jsonPath().<Map<String, Object>> getList("rows")) {
            long cases = row.get("cases") == null ? 0 : ((Number) row.get("cases")).longValue();
            assertThat(row.get("cases") == null).as("cases column of %s", row).isEqualTo(!withCases);
            long actions = ((Number) row.get("actions")).longValue();
            long cancelled = ((Number) row.get("cancelledActions")).longValue();
            if (cases + actions + cancelled > 0) {
                actual.put((String) row.get("key"), List.of(cases, actions, cancelled));
            }
        }
        return actual;
    }

    private static Response get(String user, String path, Ask ask) {
        return as(user).queryParams(ask.params()).get(path).then().statusCode(200).contentType("application/json")
                .extract().response();
    }

    private static void checkCounts(String user, Ask ask) {
        for (String by : List.of("theme", "kind", "type", "framework", "organisation", "mission", "continent", "country",
                "post", "month")) {
            Response response = get(user, "/dashboard/counts/" + by, ask);
            boolean withCases = !by.equals("kind") && !by.equals("type");
            Map<String, List<Long>> expected = expectedCounts(by, ask);
            if (!withCases) {
                expected.replaceAll((k, v) -> List.of(0L, v.get(1), v.get(2)));
                expected.values().removeIf(v -> v.get(1) + v.get(2) == 0);
            }
            assertThat(actualCounts(response, withCases)).as("counts by %s for %s as %s", by, ask, user).isEqualTo(expected);
        }
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void everyCountTableMatchesTheSeededYearForHeadquarters() {
        checkCounts(ANALYST, Ask.year());
        // the seeded rows themselves, to make sure the expectations are not empty
        assertThat(expectedCounts("post", Ask.year())).isEqualTo(Map.of(
                "CO-BOGOTA", List.of(2L, 4L, 0L), "SN-DAKAR", List.of(2L, 4L, 1L)));
        Response themes = get(ANALYST, "/dashboard/counts/theme", Ask.year());
        assertThat(themes.jsonPath().getList("rows.key")).containsExactly("DRUG_TRAFFICKING", "ARMS_TRAFFICKING",
                "CYBERCRIME", "TERRORISM", "ORGANISED_CRIME", "IRREGULAR_IMMIGRATION", "EXPERTISE_EXPORT");
        Response continents = get(ANALYST, "/dashboard/counts/continent", Ask.year());
        assertThat(continents.jsonPath().getList("rows.findAll { it.key == '002' }.name")).containsExactly("Africa");
        assertThat(themes.jsonPath().getString("table")).isEqualTo("counts/theme");
        assertThat(themes.jsonPath().getString("filters.from")).isEqualTo(FROM);
    }

    @Test
    void aPeriodOfPartialAndFullMonthsAddsTheRollUpsAndTheDays() {
        // the full months come from the monthly roll-ups, 15-31 January and 1-20 November from the day tables
        checkCounts(ANALYST, Ask.year().days("1997-01-15", "1997-11-20"));
        checkCounts(BOGOTA, Ask.year().days("1997-01-15", "1997-11-20").post("CO-BOGOTA"));
        checkCounts(ANALYST, Ask.year().days("1997-01-31", "1997-02-28"));
        checkCounts(ANALYST, Ask.year().days("1997-02-01", "1997-06-30"));
        checkCounts(ANALYST, Ask.year().days("1996-12-31", "1998-01-01"));
    }

    @Test
    void theFirstAndLastDaysAreInclusive() {
        for (String[] days : List.of(new String[] { "1997-01-01", "1997-01-01" }, new String[] { "1997-01-31", "1997-01-31" },
                new String[] { "1997-02-01", "1997-02-01" }, new String[] { "1997-01-31", "1997-02-01" },
                new String[] { "1997-12-31", "1997-12-31" }, new String[] { "1996-12-31", "1996-12-31" },
                new String[] { "1997-08-01", "1997-08-02" }, new String[] { "1997-07-14", "1997-07-31" })) {
            Ask ask = Ask.year().days(days[0], days[1]);
            Response summary = get(ANALYST, "/dashboard/summary", ask);
            long cases = CASES.stream().filter(ask::matches).count();
            long actions = ACTIONS.stream().filter(ask::matches).filter(a -> !cancelled(a)).count();
            assertThat(summary.jsonPath().getLong("rows[0].cases")).as("cases %s..%s", days[0], days[1]).isEqualTo(cases);
            assertThat(summary.jsonPath().getLong("rows[0].actions")).as("actions %s..%s", days[0], days[1]).isEqualTo(actions);
        }
        // the edges seeded on purpose: one case and one action on each of these days
        Ask lastOfJanuary = Ask.year().days("1997-01-31", "1997-01-31");
        assertThat(CASES.stream().filter(lastOfJanuary::matches).count()).isEqualTo(1);
        assertThat(ACTIONS.stream().filter(lastOfJanuary::matches).count()).isEqualTo(1);
        // an action in progress belongs to its actual start, not to its planned one
        assertThat(get(ANALYST, "/dashboard/summary", Ask.year().days("1997-07-14", "1997-07-31"))
                .jsonPath().getLong("rows[0].actions")).isZero();
    }

    @Test
    void aCaseWhoseActionsSpanTwoMonthsCountsItsActionsInEach() {
        Response months = get(ANALYST, "/dashboard/counts/month", Ask.year().post("SN-DAKAR").theme("ORGANISED_CRIME"));
        Map<String, List<Long>> actual = actualCounts(months, true);
        assertThat(actual).containsEntry("1997-01", List.of(1L, 1L, 0L)).containsEntry("1997-02", List.of(0L, 1L, 1L));
        assertThat(actual).isEqualTo(expectedCounts("month", Ask.year().post("SN-DAKAR").theme("ORGANISED_CRIME")));
    }

    @Test
    void filtersNarrowEveryTable() {
        checkCounts(ANALYST, Ask.year().theme("DRUG_TRAFFICKING"));
        checkCounts(ANALYST, Ask.year().status("CLOSED"));
        checkCounts(ANALYST, Ask.year().status("CANCELLED"));
        checkCounts(ANALYST, Ask.year().country("CO"));
        checkCounts(ANALYST, Ask.year().kind("OPERATIONAL"));
        checkCounts(ANALYST, Ask.year().post("CO-BOGOTA"));
        // continent, organisation, mission, framework: checked on the post table
        Response africa = as(ANALYST).queryParams(Ask.year().params()).queryParam("continent", "Africa")
                .get("/dashboard/counts/post").then().statusCode(200).extract().response();
        assertThat(actualCounts(africa, true)).isEqualTo(Map.of("SN-DAKAR", List.of(2L, 4L, 1L)));
        Response americas = as(ANALYST).queryParams(Ask.year().params()).queryParam("continent", "019")
                .get("/dashboard/counts/post").then().statusCode(200).extract().response();
        assertThat(actualCounts(americas, true)).isEqualTo(Map.of("CO-BOGOTA", List.of(2L, 4L, 0L)));
        Response un = as(ANALYST).queryParams(Ask.year().params()).queryParam("organisation", "UN")
                .queryParam("mission", "UNODC-CRIMJUST").queryParam("framework", "MULTILATERAL")
                .get("/dashboard/counts/post").then().statusCode(200).extract().response();
        assertThat(actualCounts(un, true)).isEqualTo(Map.of("CO-BOGOTA", List.of(1L, 2L, 0L)));
    }

    @Test
    void anOfficerSeesTheirOwnPostOnlyTheirRestrictedCaseIncluded() {
        checkCounts(DAKAR, Ask.year().post("SN-DAKAR"));
        checkCounts(BOGOTA, Ask.year().post("CO-BOGOTA"));
        // without asking, an officer gets their own post; Dakar's restricted EU case is never in Bogotá's figures
        Response bogota = get(BOGOTA, "/dashboard/counts/mission", Ask.year());
        assertThat(actualCounts(bogota, true)).doesNotContainKey("EUCAP-SAHEL-MALI")
                .isEqualTo(expectedCounts("mission", Ask.year().post("CO-BOGOTA")));
        assertThat(bogota.jsonPath().getString("filters.post")).isEqualTo("CO-BOGOTA");
        Response dakar = get(DAKAR, "/dashboard/counts/mission", Ask.year());
        assertThat(actualCounts(dakar, true)).containsEntry("EUCAP-SAHEL-MALI", List.of(1L, 2L, 0L));
        Response summary = get(BOGOTA, "/dashboard/summary", Ask.year());
        assertThat(summary.jsonPath().getLong("rows[0].cases")).isEqualTo(2);
        assertThat(summary.jsonPath().getLong("rows[0].actions")).isEqualTo(4);
        // another post's figures: 403
        as(DAKAR).queryParam("post", "CO-BOGOTA").get("/dashboard/summary").then().statusCode(403)
                .contentType("application/problem+json").body("type", is("https://dcis.example/problems/forbidden"));
        as(BOGOTA).queryParam("post", "SN-DAKAR").get("/dashboard/counts/theme").then().statusCode(403);
        as(BOGOTA).queryParam("post", "CO-BOGOTA").get("/dashboard/counts/theme").then().statusCode(200);
    }

    @Test
    void cancelledActionsAreCountedApartAndAddNoIndicator() {
        Response cancelled = get(ANALYST, "/dashboard/counts/type", Ask.year().status("CANCELLED"));
        assertThat(actualCounts(cancelled, false)).isEqualTo(Map.of("INSTITUTIONAL_MEETING", List.of(0L, 0L, 1L)));
        Response indicators = get(ANALYST, "/dashboard/indicators/month", Ask.year().days("1997-02-10", "1997-02-10"));
        assertThat(indicators.jsonPath().getList("rows")).isEmpty();
        Response summary = get(ANALYST, "/dashboard/summary", Ask.year());
        assertThat(summary.jsonPath().getLong("rows[0].cancelledActions")).isEqualTo(1);
    }

    /** indicator|unit -> [quantity, outcomes] per key (theme or month), cancelled actions left out. */
    static Map<String, Map<String, List<BigDecimal>>> expectedIndicators(String by, Ask ask) {
        Map<String, Map<String, List<BigDecimal>>> expected = new TreeMap<>();
        ACTIONS.stream().filter(ask::matches).filter(a -> !cancelled(a)).forEach(a -> {
            List<String> keys = by.equals("theme") ? a.of().themes() : List.of(a.day()[0].toString().substring(0, 7));
            for (String key : keys) {
                for (Outcome o : a.outcomes()) {
                    expected.computeIfAbsent(key, k -> new TreeMap<>()).merge(o.indicator() + "|" + o.unit(),
                            List.of(o.quantity(), BigDecimal.ONE),
                            (x, y) -> List.of(x.get(0).add(y.get(0)), x.get(1).add(y.get(1))));
                }
            }
        });
        return expected;
    }

    static Map<String, Map<String, List<BigDecimal>>> actualIndicators(Response response) {
        Map<String, Map<String, List<BigDecimal>>> actual = new TreeMap<>();
        for (Map<String, Object> row : response.jsonPath().<Map<String, Object>> getList("rows")) {
            actual.computeIfAbsent((String) row.get("key"), k -> new TreeMap<>()).put(row.get("indicator") + "|" + row.get("unit"),
                    List.of(new BigDecimal(row.get("quantity").toString()), new BigDecimal(row.get("outcomes").toString())));
        }
        return actual;
    }

    @Test
    void indicatorTotalsByThemeAndMonth() {
        for (Ask ask : List.of(Ask.year(), Ask.year().post("SN-DAKAR"), Ask.year().theme("DRUG_TRAFFICKING"))) {
            for (String by : List.of("theme", "month")) {
                Response response = get(ANALYST, "/dashboard/indicators/" + by, ask);
                Map<String, Map<String, List<BigDecimal>>> expected = expectedIndicators(by, ask);
                Map<String, Map<String, List<BigDecimal>>> actual = actualIndicators(response);
                assertThat(actual.keySet()).as("%s %s", by, ask).isEqualTo(expected.keySet());
                expected.forEach((key, values) -> values.forEach((indicator, v) -> {
                    List<BigDecimal> got = actual.get(key).get(indicator);
                    assertThat(got).as("%s %s %s", by, key, indicator).isNotNull();
                    assertThat(got.get(0)).as("%s %s %s quantity", by, key, indicator).isEqualByComparingTo(v.get(0));
                    assertThat(got.get(1)).isEqualByComparingTo(v.get(1));
                }));
                assertThat(actual).as("%s %s", by, ask).allSatisfy((k, v) -> assertThat(v.keySet())
                        .isEqualTo(expected.get(k).keySet()));
            }
        }
        // seizures are summed per unit: tonnes and kilograms never mix
        Response drugs = get(ANALYST, "/dashboard/indicators/theme", Ask.year().theme("DRUG_TRAFFICKING"));
        assertThat(actualIndicators(drugs).get("DRUG_TRAFFICKING").get("SEIZURE|t").get(0)).isEqualByComparingTo("3.2");
        assertThat(actualIndicators(drugs).get("DRUG_TRAFFICKING").get("SEIZURE|kg").get(0)).isEqualByComparingTo("300");
    }

    @Test
    void theSummaryHasTheHeadlineFigures() {
        for (Ask ask : List.of(Ask.year(), Ask.year().post("SN-DAKAR"), Ask.year().days("1997-02-01", "1997-06-30"))) {
            Response summary = get(ANALYST, "/dashboard/summary", ask);
            List<SeededAction> done = ACTIONS.stream().filter(ask::matches).filter(a -> !cancelled(a)).toList();
            assertThat(summary.jsonPath().getLong("rows[0].cases")).isEqualTo(CASES.stream().filter(ask::matches).count());
            assertThat(summary.jsonPath().getLong("rows[0].actions")).isEqualTo(done.size());
            assertThat(summary.jsonPath().getLong("rows[0].cancelledActions"))
                    .isEqualTo(ACTIONS.stream().filter(ask::matches).filter(DashboardApiTest::cancelled).count());
            assertThat(summary.jsonPath().getLong("rows[0].frenchExperts"))
                    .isEqualTo(done.stream().mapToLong(SeededAction::experts).sum());
            assertThat(summary.jsonPath().getLong("rows[0].partnerOfficersTrained"))
                    .isEqualTo(done.stream().mapToLong(SeededAction::trained).sum());
            assertThat(summary.jsonPath().getLong("rows[0].postsWithActions"))
                    .isEqualTo(done.stream().map(a -> a.of().post()).distinct().count());
            Map<String, BigDecimal> totals = new TreeMap<>();
            done.forEach(a -> a.outcomes().forEach(o -> totals.merge(o.indicator() + "|" + o.unit(), o.quantity(), BigDecimal::add)));
            Map<String, BigDecimal> actual = new TreeMap<>();
            for (Map<String, Object> row : summary.jsonPath().<Map<String, Object>> getList("rows[0].indicators")) {
                actual.put(row.get("indicator") + "|" + row.get("unit"), new BigDecimal(row.get("quantity").toString()));
            }
            assertThat(actual.keySet()).isEqualTo(totals.keySet());
            totals.forEach((k, v) -> assertThat(actual.get(k)).as(k).isEqualByComparingTo(v));
        }
    }

    @Test
    void mostActiveAndInactivePosts() {
        Ask ask = Ask.year();
        Map<String, Long> actions = ACTIONS.stream().filter(ask::matches).filter(a -> !cancelled(a))
                .collect(Collectors.groupingBy(a -> a.of().post(), Collectors.counting()));
        List<String> ranking = actions.entrySet().stream()
                .sorted(Map.Entry.<String, Long> comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        Response active = get(ANALYST, "/dashboard/posts/most-active", ask);
        assertThat(active.jsonPath().getList("rows.post")).isEqualTo(ranking);
        for (Map<String, Object> row : active.jsonPath().<Map<String, Object>> getList("rows")) {
            String post = (String) row.get("post");
            assertThat(((Number) row.get("actions")).longValue()).isEqualTo(actions.get(post));
            assertThat(((Number) row.get("cases")).longValue())
                    .isEqualTo(CASES.stream().filter(ask::matches).filter(c -> c.post().equals(post)).count());
        }
        assertThat(active.jsonPath().getString("rows[0].city")).isNotBlank();
        as(ANALYST).queryParams(ask.params()).queryParam("limit", 1).get("/dashboard/posts/most-active").then()
                .statusCode(200).body("rows.size()", is(1)).body("rows[0].rank", is(1));

        // posts of the directory, not closed, with no action in the period (the directory read by its own API)
        List<Map<String, Object>> directory = as(ANALYST).queryParam("size", 200).get("/directory/posts").then()
                .statusCode(200).extract().jsonPath().getList("items");
        List<String> expectedInactive = directory.stream().filter(p -> !"CLOSED".equals(p.get("status")))
                .map(p -> (String) p.get("id")).filter(id -> !actions.containsKey(id)).sorted().toList();
        Response inactive = get(ANALYST, "/dashboard/posts/inactive", ask);
        assertThat(inactive.jsonPath().getList("rows.post")).isEqualTo(expectedInactive);
        assertThat(expectedInactive).doesNotContain("SN-DAKAR", "CO-BOGOTA");
        assertThat(get(ANALYST, "/dashboard/summary", ask).jsonPath().getLong("rows[0].postsWithoutActions"))
                .isEqualTo(expectedInactive.size());
        // Dakar had only a cancelled action on 10 February: inactive that day; its officer sees only Dakar
        Ask tenth = ask.days("1997-02-10", "1997-02-10");
        assertThat(get(DAKAR, "/dashboard/posts/inactive", tenth).jsonPath().getList("rows.post")).containsExactly("SN-DAKAR");
        assertThat(get(DAKAR, "/dashboard/posts/most-active", tenth).jsonPath().getList("rows")).isEmpty();
        assertThat(get(DAKAR, "/dashboard/posts/inactive", ask).jsonPath().getList("rows")).isEmpty();
    }

    @Test
    void franceReturnCountsActionsPerPriorityAxisPerContinent() {
        for (Ask ask : List.of(Ask.year(), Ask.year().post("CO-BOGOTA"))) {
            Map<String, long[]> expected = new TreeMap<>();
            ACTIONS.stream().filter(ask::matches).filter(a -> !cancelled(a)).forEach(a -> a.of().themes().stream()
                    .map(AXIS::get).distinct().forEach(axis -> expected.computeIfAbsent(axis + "/" + CONTINENT.get(a.country()),
                            k -> new long[2])[0]++));
            CASES.stream().filter(ask::matches).forEach(c -> c.themes().stream().map(AXIS::get).distinct()
                    .forEach(axis -> c.countries().stream().map(CONTINENT::get).distinct()
                            .forEach(continent -> expected.computeIfAbsent(axis + "/" + continent, k -> new long[2])[1]++)));
            Response response = get(ANALYST, "/dashboard/return", ask);
            List<Map<String, Object>> rows = response.jsonPath().getList("rows");
            assertThat(rows).hasSize(6 * 5);
            Map<String, List<Long>> actual = new TreeMap<>();
            for (Map<String, Object> row : rows) {
                long a = ((Number) row.get("actions")).longValue();
                long c = ((Number) row.get("cases")).longValue();
                if (a + c > 0) {
                    actual.put(row.get("axis") + "/" + row.get("continent"), List.of(a, c));
                }
            }
            Map<String, List<Long>> wanted = new TreeMap<>();
            expected.forEach((k, v) -> wanted.put(k, List.of(v[0], v[1])));
            assertThat(actual).as("%s", ask).isEqualTo(wanted);
        }
        Response all = get(ANALYST, "/dashboard/return", Ask.year());
        assertThat(all.jsonPath().getList("rows.findAll { it.priority == false }.axis")).containsOnly("EXPERTISE_EXPORT");
        // Bogotá's UN case on drugs and arms counts once on the first axis, not twice
        assertThat(all.jsonPath().getLong("rows.find { it.axis == 'DRUG_AND_ARMS_TRAFFICKING' && it.continent == '019' }.actions"))
                .isEqualTo(2);
    }

    @Test
    void partnersAndTheRegistryAdministratorGet403AndAnonymousCallers401() {
        for (String path : List.of("/dashboard/summary", "/dashboard/counts/theme", "/dashboard/indicators/month",
                "/dashboard/posts/most-active", "/dashboard/posts/inactive", "/dashboard/return", "/dashboard/coverage",
                "/dashboard/coverage/continents", "/dashboard/coverage/officers")) {
            as(PARTNER_EU).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", is("https://dcis.example/problems/forbidden"));
            as(ADMIN).get(path).then().statusCode(403);
            io.restassured.RestAssured.given().get(path).then().statusCode(401);
        }
    }

    @Test
    void badFiltersAre400sNamingTheParameter() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("from", "1997-13-01");
        bad.put("to", "31/12/1997");
        bad.put("theme", "PIRACY");
        bad.put("kind", "DIPLOMATIC");
        bad.put("type", "PARADE");
        bad.put("framework", "TRILATERAL");
        bad.put("organisation", "NATO");
        bad.put("status", "ARCHIVED");
        bad.put("country", "XX");
        bad.put("continent", "Atlantis");
        bad.put("post", "dakar");
        bad.put("mission", "NO-SUCH-MISSION");
        bad.forEach((param, value) -> as(ANALYST).queryParam(param, value).get("/dashboard/counts/theme").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("https://dcis.example/problems/validation")).body("violations[0].field", is(param)));
        as(ANALYST).queryParam("from", "1997-12-31").queryParam("to", "1997-01-01").get("/dashboard/summary").then()
                .statusCode(400).body("violations[0].field", is("to"));
        as(ANALYST).queryParam("from", "10000-01-01").get("/dashboard/summary").then().statusCode(400)
                .body("violations[0].field", is("from"));
        as(ANALYST).queryParam("text", "\u0000").queryParam("post", "SN-DAKAR\u0000").get("/dashboard/summary").then()
                .statusCode(400).body("violations[0].field", is("post"));
        for (String limit : List.of("0", "201", "ten", "99999999999")) {
            as(ANALYST).queryParam("limit", limit).get("/dashboard/posts/most-active").then().statusCode(400)
                    .body("violations[0].field", is("limit"));
        }
        as(ANALYST).get("/dashboard/counts/weather").then().statusCode(404).contentType("application/problem+json");
        as(ANALYST).get("/dashboard/indicators/kind").then().statusCode(404);
        as(ANALYST).accept("application/xml").get("/dashboard/summary").then().statusCode(406);
    }

    @Test
    void theOpenApiDocumentDescribesEveryTableInJsonAndCsv() {
        io.restassured.path.json.JsonPath openapi = io.restassured.RestAssured.given().get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath();
        for (String path : List.of("/dashboard/summary", "/dashboard/counts/{by}", "/dashboard/indicators/{by}",
                "/dashboard/posts/most-active", "/dashboard/posts/inactive", "/dashboard/return", "/dashboard/coverage",
                "/dashboard/coverage/continents", "/dashboard/coverage/officers")) {
            Map<String, Object> content = openapi.getMap("paths.'" + path + "'.get.responses.'200'.content");
            assertThat(content).as(path).containsKeys("application/json", "text/csv");
            assertThat(openapi.getList("paths.'" + path + "'.get.parameters.name")).as(path)
                    .contains("from", "to", "post", "country", "continent", "organisation", "mission", "theme", "kind",
                            "framework", "status");
        }
        assertThat(openapi.getMap("components.schemas.DashboardCounts.properties")).containsKeys("table", "filters", "rows");
        // the documented values of {by} are exactly the tables that answer (a client or generator can list them)
        assertThat(openapi.getList("paths.'/dashboard/counts/{by}'.get.parameters.find { it.name == 'by' }.schema.enum",
                String.class)).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(
                        org.dcis.cooperation.dashboard.DashboardQueries.Dimension.values())
                        .map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).toList());
        assertThat(openapi.getList("paths.'/dashboard/indicators/{by}'.get.parameters.find { it.name == 'by' }.schema.enum",
                String.class)).containsExactlyInAnyOrder("theme", "month");
        for (String by : openapi.getList("paths.'/dashboard/counts/{by}'.get.parameters.find { it.name == 'by' }.schema.enum",
                String.class)) {
            as(ANALYST).get("/dashboard/counts/" + by).then().statusCode(200);
        }
    }

    @Test
    void everyTableIsAlsoCsvWithTheSameFilters() {
        Ask ask = Ask.year().post("SN-DAKAR");
        Response json = get(ANALYST, "/dashboard/counts/type", ask);
        String csv = as(ANALYST).accept("text/csv").queryParams(ask.params()).get("/dashboard/counts/type").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("key,name,cases,actions,cancelledActions");
        List<Map<String, Object>> rows = json.jsonPath().getList("rows");
        assertThat(lines).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(lines.get(i + 1)).isEqualTo(row.get("key") + ",,," + row.get("actions") + "," + row.get("cancelledActions"));
        }
        assertThat(csv).contains("\r\n").contains("TRAINING,,,2,0").contains("INSTITUTIONAL_MEETING,,,0,1");

        String mission = as(ANALYST).accept("text/csv").queryParams(ask.params()).get("/dashboard/counts/mission").then()
                .statusCode(200).extract().asString();
        assertThat(mission.lines().toList()).containsExactly("key,name,cases,actions,cancelledActions",
                "EUCAP-SAHEL-MALI,,1,2,0", ",,1,2,1");

        String indicators = as(ANALYST).accept("text/csv").queryParams(ask.params()).get("/dashboard/indicators/month").then()
                .statusCode(200).extract().asString();
        assertThat(indicators.lines().toList()).containsExactly("key,indicator,unit,quantity,outcomes",
                "1997-01,PERSONS_TRAINED,,18,1", "1997-01,SEIZURE,t,1.2,1", "1997-02,ARRESTS,,4,1",
                "1997-02,SEIZURE,kg,300,1", "1997-03,PERSONS_TRAINED,,25,1");

        String summary = as(ANALYST).accept("text/csv").queryParams(ask.params()).get("/dashboard/summary").then()
                .statusCode(200).extract().asString();
        assertThat(summary.lines().toList()).contains("figure,unit,value", "cases,,2", "actions,,4", "cancelledActions,,1",
                "indicator.SEIZURE,kg,300", "indicator.SEIZURE,t,1.2");

        for (String path : List.of("/dashboard/posts/most-active", "/dashboard/posts/inactive", "/dashboard/return",
                "/dashboard/coverage", "/dashboard/coverage/continents", "/dashboard/coverage/officers",
                "/dashboard/counts/month", "/dashboard/indicators/theme")) {
            String body = as(ANALYST).accept("text/csv").queryParams(ask.params()).get(path).then().statusCode(200)
                    .contentType(containsString("text/csv")).extract().asString();
            int jsonRows = path.equals("/dashboard/coverage") ? -1
                    : get(ANALYST, path, ask).jsonPath().getList("rows").size();
            if (jsonRows >= 0) {
                assertThat(body.lines().count()).as(path).isEqualTo(jsonRows + 1);
            }
        }
        // the officer's CSV is their own post's too
        String dakar = as(DAKAR).accept("text/csv").queryParams(Ask.year().params()).get("/dashboard/counts/post").then()
                .statusCode(200).extract().asString();
        assertThat(dakar.lines().toList()).containsExactly("key,name,cases,actions,cancelledActions", "SN-DAKAR,,2,4,1");
        // JSON stays the default, and wins when preferred
        as(ANALYST).accept("text/csv;q=0.5, application/json").get("/dashboard/summary").then().statusCode(200)
                .contentType("application/json");
        assertThat(Objects.requireNonNull(as(ANALYST).accept("*/*").get("/dashboard/summary").contentType()))
                .startsWith("application/json");
    }
}
