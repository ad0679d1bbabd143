package org.dcis.cooperation.dashboard;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.dashboard.DashboardRows.ContinentCoverage;
import org.dcis.cooperation.dashboard.DashboardRows.CountRow;
import org.dcis.cooperation.dashboard.DashboardRows.Coverage;
import org.dcis.cooperation.dashboard.DashboardRows.InactivePost;
import org.dcis.cooperation.dashboard.DashboardRows.IndicatorRow;
import org.dcis.cooperation.dashboard.DashboardRows.IndicatorTotal;
import org.dcis.cooperation.dashboard.DashboardRows.OfficerCount;
import org.dcis.cooperation.dashboard.DashboardRows.PostActivity;
import org.dcis.cooperation.dashboard.DashboardRows.ReturnRow;
import org.dcis.cooperation.dashboard.DashboardRows.Summary;
import org.dcis.cooperation.reference.Continents;
import org.dcis.cooperation.reference.Continents.Continent;
import org.dcis.cooperation.reference.Organisation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboard's figures, read from the pre-aggregated rows of V6 (never from the cases and actions themselves).
 * A query narrowed by the period and the post only reads the full months of the period from the monthly roll-ups
 * ({@code (dim, month)} for all posts, {@code (post, dim, month)} for one) and its partial first and last months from
 * the day tables ({@code (day)}, {@code (post, day)}); a query with any other filter reads the day tables over the
 * period. What cannot be grouped in the database (continents of a country list, axes of a theme list) is grouped
 * here from the grouped rows.
 */
@ApplicationScoped
public class DashboardQueries {
    /** What a count table is counted by. */
    public enum Dimension {
        THEME, KIND, TYPE, FRAMEWORK, ORGANISATION, MISSION, CONTINENT, COUNTRY, POST, MONTH
    }

    /** What an indicator table is counted by. */
    public enum IndicatorDimension {
        THEME, MONTH
    }

    private static final String NOT_CANCELLED = "action_status <> 'CANCELLED'";
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    DashboardQueries(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The day table a WHERE clause is for: cases have countries, actions a country, kind, type and status. */
    private enum Table {
        CASES, ACTIONS, INDICATORS
    }

    /** A WHERE clause and its parameters, for one fact table (alias {@code f}). */
    private static final class Where {
        final StringBuilder sql = new StringBuilder(" WHERE TRUE");
        final List<Object> params = new ArrayList<>();

        Where and(String condition, Object... values) {
            sql.append(" AND ").append(condition);
            params.addAll(List.of(values));
            return this;
        }

        Where when(Object value, String condition) {
            return value == null ? this : and(condition, value instanceof Enum<?> e ? e.name() : value);
        }
    }

    private static Where where(Table table, DashboardFilter filter) {
        Where where = new Where()
                .when(filter.from(), "f.day >= ?")
                .when(filter.to(), "f.day <= ?")
                .when(filter.post(), "f.post = ?")
                .when(filter.organisation(), "f.organisation = ?")
                .when(filter.mission(), "f.mission = ?")
                .when(filter.theme(), "? = ANY(f.themes)")
                .when(filter.framework(), "f.framework = ?")
                .when(filter.caseStatus(), "f.case_status = ?");
        if (table == Table.CASES) {
            where.when(filter.country(), "? = ANY(f.countries)");
            if (filter.continent() != null) {
                where.and("f.countries && ?", new TextList(Continents.countriesOf(filter.continent())));
            }
        } else {
            where.when(filter.country(), "f.country = ?")
                    .when(filter.kind(), "f.kind = ?")
                    .when(filter.type(), "f.type = ?")
                    .when(filter.actionStatus(), "f.action_status = ?");
            if (filter.continent() != null) {
                where.and("f.country = ANY(?)", new TextList(Continents.countriesOf(filter.continent())));
            }
        }
        return where;
    }

    /** A list of codes (countries, post ids) bound as a varchar[] parameter. */
    private record TextList(List<String> codes) {
    }

    // ---------------------------------------------------------------- what the tables are made of

    /** How rows are grouped: the key in the day tables (actions, cases) and in the monthly roll-up. */
    private enum Grouping {
        THEME("theme", "t.theme", UNNEST_THEMES, "t.theme", UNNEST_THEMES, "r.key"),
        KIND("kind", "f.kind", "", null, "", "r.key"),
        TYPE("type", "f.type", "", null, "", "r.key"),
        FRAMEWORK("framework", "f.framework", "", "f.framework", "", "r.key"),
        ORGANISATION("organisation", "f.organisation", "", "f.organisation", "", "r.key"),
        MISSION("mission", "f.mission", "", "f.mission", "", "r.key"),
        /** Actions by place, cases by each of their countries. */
        COUNTRY("country", "f.country", "", "k.country", " CROSS JOIN LATERAL unnest(f.countries) AS k(country)", "r.key"),
        /** Cases by their whole list of countries (a case counts once per continent). */
        COUNTRIES("countries", null, "", "f.countries::text", "", "r.key"),
        POST("all", "f.post", "", "f.post", "", "r.post"),
        MONTH("all", DAY_MONTH, "", DAY_MONTH, "", "to_char(r.month, 'YYYY-MM')"),
        ALL("all", "''", "", "''", "", "r.key"),
        THEMES_COUNTRY("themes-country", "f.themes::text || '|' || f.country", "", null, "", "r.key"),
        THEMES_COUNTRIES("themes-countries", null, "", "f.themes::text || '|' || f.countries::text", "", "r.key");

        final String dim;
        final String actionKey;
        final String actionJoin;
        final String caseKey;
        final String caseJoin;
        final String rollupKey;

        Grouping(String dim, String actionKey, String actionJoin, String caseKey, String caseJoin, String rollupKey) {
            this.dim = dim;
            this.actionKey = actionKey;
            this.actionJoin = actionJoin;
            this.caseKey = caseKey;
            this.caseJoin = caseJoin;
            this.rollupKey = rollupKey;
        }
    }

    private static final String UNNEST_THEMES = " CROSS JOIN LATERAL unnest(f.themes) AS t(theme)";
    private static final String DAY_MONTH = "to_char(f.day, 'YYYY-MM')";
    /** The key of rows whose value is null (a bilateral case's organisation or mission); sorted last. */
    private static final String NONE = "\uffff";
    private static final int CASES = 0;
    private static final int ACTIONS = 1;
    private static final int CANCELLED = 2;
    private static final int EXPERTS = 3;
    private static final int TRAINED = 4;

    /**
     * Totals per key: cases, actions not cancelled, cancelled actions, French experts and partner officers trained of
     * the actions not cancelled. A filter on the period and the post only (headquarters' views and every officer's)
     * reads the full months of the period from the monthly roll-up and its partial first and last months from the
     * day tables; any other filter reads the day tables.
     */
    private Map<String, long[]> totals(Grouping by, DashboardFilter filter) {
        Map<String, long[]> totals = new HashMap<>();
        if (!onlyPeriodAndPost(filter)) {
            fromDays(by, filter, totals);
            return totals;
        }
        Plan plan = Plan.of(filter.from(), filter.to());
        for (LocalDate[] days : plan.days()) {
            fromDays(by, filter.forDays(days[0], days[1]), totals);
        }
        if (plan.months()) {
            Where where = new Where().and("r.dim = ?", by.dim).when(plan.monthFrom(), "r.month >= ?")
                    .when(plan.monthTo(), "r.month <= ?").when(filter.post(), "r.post = ?");
            query("SELECT " + by.rollupKey + ", sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts),"
                    + " sum(r.officers_trained) FROM dashboard_rollup r" + where.sql + " GROUP BY 1", where.params, rs -> {
                        long[] row = totals.computeIfAbsent(nullKey(rs.getString(1)), k -> new long[5]);
                        for (int i = 0; i < 5; i++) {
                            row[i] += rs.getLong(i + 2);
                        }
                    });
        }
        return totals;
    }

    private void fromDays(Grouping by, DashboardFilter filter, Map<String, long[]> totals) {
        if (by.actionKey != null) {
            Where actions = where(Table.ACTIONS, filter);
            query("SELECT " + by.actionKey + ", COALESCE(sum(f.actions) FILTER (WHERE f." + NOT_CANCELLED + "), 0),"
                    + " COALESCE(sum(f.actions) FILTER (WHERE NOT f." + NOT_CANCELLED + "), 0),"
                    + " COALESCE(sum(f.french_experts) FILTER (WHERE f." + NOT_CANCELLED + "), 0),"
                    + " COALESCE(sum(f.officers_trained) FILTER (WHERE f." + NOT_CANCELLED + "), 0)"
                    + " FROM dashboard_action_fact f" + by.actionJoin + actions.sql + " GROUP BY 1", actions.params, rs -> {
                        long[] row = totals.computeIfAbsent(nullKey(rs.getString(1)), k -> new long[5]);
                        for (int i = 1; i < 5; i++) {
                            row[i] += rs.getLong(i + 1);
                        }
                    });
        }
        if (by.caseKey != null) {
            Where cases = where(Table.CASES, filter);
            query("SELECT " + by.caseKey + ", sum(f.cases) FROM dashboard_case_fact f" + by.caseJoin + cases.sql
                    + " GROUP BY 1", cases.params,
                    rs -> totals.computeIfAbsent(nullKey(rs.getString(1)), k -> new long[5])[CASES] += rs.getLong(2));
        }
    }

    /** Only the period and the post narrow it: the monthly roll-ups can answer. */
    private static boolean onlyPeriodAndPost(DashboardFilter f) {
        return f.country() == null && f.continent() == null && f.organisation() == null && f.mission() == null
                && f.theme() == null && f.kind() == null && f.type() == null && f.framework() == null
                && f.caseStatus() == null && f.actionStatus() == null;
    }

    /**
     * A period cut into the full months the roll-ups answer ({@code monthFrom..monthTo}, first days of months, null
     * for no bound) and the partial first and last months the day tables answer.
     */
    record Plan(List<LocalDate[]> days, boolean months, LocalDate monthFrom, LocalDate monthTo) {
        static Plan of(LocalDate from, LocalDate to) {
            List<LocalDate[]> days = new ArrayList<>();
            if (from != null && to != null && YearMonth.from(from).equals(YearMonth.from(to))
                    && !(from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth()))) {
                days.add(new LocalDate[] { from, to });
                return new Plan(days, false, null, null);
            }
            LocalDate monthFrom = null;
            LocalDate monthTo = null;
            if (from != null) {
                if (from.getDayOfMonth() == 1) {
                    monthFrom = from;
                } else {
                    days.add(new LocalDate[] { from, YearMonth.from(from).atEndOfMonth() });
                    monthFrom = YearMonth.from(from).plusMonths(1).atDay(1);
                }
            }
            if (to != null) {
                if (to.equals(YearMonth.from(to).atEndOfMonth())) {
                    monthTo = YearMonth.from(to).atDay(1);
                } else {
                    days.add(new LocalDate[] { YearMonth.from(to).atDay(1), to });
                    monthTo = YearMonth.from(to).minusMonths(1).atDay(1);
                }
            }
            boolean months = !(monthFrom != null && monthTo != null && monthFrom.isAfter(monthTo))
                    && (monthFrom == null || monthFrom.getYear() <= 9999) && (monthTo == null || monthTo.getYear() >= 1);
            return new Plan(days, months, monthFrom, monthTo);
        }
    }

    // ---------------------------------------------------------------- counts by dimension

    public List<CountRow> counts(Dimension by, DashboardFilter filter) {
        Map<String, long[]> totals = new TreeMap<>();
        boolean countsCases = by != Dimension.KIND && by != Dimension.TYPE;
        if (by == Dimension.CONTINENT) {
            // actions by the continent of their place; a case once on each continent its countries are on
            totals(Grouping.COUNTRY, filter).forEach((country, row) -> Continents.of(country).ifPresent(c -> {
                long[] sum = totals.computeIfAbsent(c.code(), k -> new long[5]);
                sum[ACTIONS] += row[ACTIONS];
                sum[CANCELLED] += row[CANCELLED];
            }));
            totals(Grouping.COUNTRIES, filter).forEach((countries, row) -> {
                for (String continent : continents(countries)) {
                    totals.computeIfAbsent(continent, k -> new long[5])[CASES] += row[CASES];
                }
            });
        } else {
            totals.putAll(totals(Grouping.valueOf(by.name()), filter));
        }
        for (String value : allValues(by)) {
            totals.computeIfAbsent(value, k -> new long[5]);
        }
        List<CountRow> rows = new ArrayList<>();
        for (String key : ordered(by, totals.keySet())) {
            long[] row = totals.get(key);
            if (row[CASES] == 0 && row[ACTIONS] == 0 && row[CANCELLED] == 0 && !allValues(by).contains(key)) {
                continue;
            }
            String value = NONE.equals(key) ? null : key;
            rows.add(new CountRow(value, name(by, value), countsCases ? row[CASES] : null, row[ACTIONS], row[CANCELLED]));
        }
        return rows;
    }

    private static String nullKey(String key) {
        return key == null ? NONE : key;
    }

    /** A PostgreSQL array as text ({CO,PE}): enum names and country codes, never quoted. */
    private static List<String> elements(String array) {
        String inner = array.substring(1, array.length() - 1);
        return inner.isEmpty() ? List.of() : List.of(inner.split(","));
    }

    private static Set<String> continents(String countries) {
        Set<String> continents = new TreeSet<>();
        for (String country : elements(countries)) {
            Continents.of(country).ifPresent(c -> continents.add(c.code()));
        }
        return continents;
    }

    /** Enumerated dimensions list every value, with zeros; the others list what was counted. */
    private static List<String> allValues(Dimension by) {
        return switch (by) {
            case THEME -> names(Theme.values());
            case KIND -> names(ActionKind.values());
            case TYPE -> names(ActionType.values());
            case FRAMEWORK -> names(Framework.values());
            case CONTINENT -> Continents.all().stream().map(Continent::code).toList();
            default -> List.of();
        };
    }

    private static List<String> ordered(Dimension by, Set<String> keys) {
        List<String> order = switch (by) {
            case THEME, KIND, TYPE, FRAMEWORK -> allValues(by);
            case ORGANISATION -> names(Organisation.values());
            default -> List.of();
        };
        List<String> sorted = new ArrayList<>();
        for (String key : order) {
            if (keys.contains(key)) {
                sorted.add(key);
            }
        }
        for (String key : keys) {
            if (!sorted.contains(key)) {
                sorted.add(key);
            }
        }
        return sorted;
    }

    private static String name(Dimension by, String key) {
        if (key == null) {
            return null;
        }
        return switch (by) {
            case CONTINENT -> Continents.all().stream().filter(c -> c.code().equals(key)).map(Continent::name).findFirst()
                    .orElse(null);
            case COUNTRY -> Continents.countryName(key);
            default -> null;
        };
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    // ---------------------------------------------------------------- indicators

    /** One indicator total: the key (theme, month or ""), indicator, unit. */
    private record IndicatorKey(String key, String indicator, String unit) {
    }

    private Map<IndicatorKey, Object[]> indicatorTotals(IndicatorDimension by, DashboardFilter filter) {
        Map<IndicatorKey, Object[]> totals = new HashMap<>();
        String dayKey = by == null ? "''" : by == IndicatorDimension.THEME ? "t.theme" : DAY_MONTH;
        String join = by == IndicatorDimension.THEME ? UNNEST_THEMES : "";
        String dim = by == IndicatorDimension.THEME ? "theme" : "all";
        String rollupKey = by == IndicatorDimension.MONTH ? "to_char(r.month, 'YYYY-MM')" : "r.key";
        RowReader add = rs -> {
            Object[] row = totals.computeIfAbsent(new IndicatorKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                    k -> new Object[] { BigDecimal.ZERO, 0L });
            row[0] = ((BigDecimal) row[0]).add(rs.getBigDecimal(4));
            row[1] = (Long) row[1] + rs.getLong(5);
        };
        List<DashboardFilter> dayFilters = new ArrayList<>();
        Plan plan = null;
        if (onlyPeriodAndPost(filter)) {
            plan = Plan.of(filter.from(), filter.to());
            plan.days().forEach(days -> dayFilters.add(filter.forDays(days[0], days[1])));
        } else {
            dayFilters.add(filter);
        }
        for (DashboardFilter days : dayFilters) {
            Where where = where(Table.INDICATORS, days).and("f." + NOT_CANCELLED);
            query("SELECT " + dayKey + ", f.indicator, f.unit, sum(f.quantity), sum(f.outcomes) FROM dashboard_indicator_fact f"
                    + join + where.sql + " GROUP BY 1, 2, 3", where.params, add);
        }
        if (plan != null && plan.months()) {
            Where where = new Where().and("r.dim = ?", dim).when(plan.monthFrom(), "r.month >= ?")
                    .when(plan.monthTo(), "r.month <= ?").when(filter.post(), "r.post = ?");
            query("SELECT " + rollupKey + ", r.indicator, r.unit, sum(r.quantity), sum(r.outcomes)"
                    + " FROM dashboard_indicator_rollup r" + where.sql + " GROUP BY 1, 2, 3", where.params, add);
        }
        return totals;
    }

    public List<IndicatorRow> indicators(IndicatorDimension by, DashboardFilter filter) {
        List<IndicatorRow> rows = new ArrayList<>();
        indicatorTotals(by, filter).forEach((k, v) -> rows.add(new IndicatorRow(k.key(), k.indicator(), k.unit(),
                plain((BigDecimal) v[0]), (Long) v[1])));
        List<String> themes = names(Theme.values());
        rows.sort((a, b) -> {
            int c = by == IndicatorDimension.THEME ? Integer.compare(themes.indexOf(a.key()), themes.indexOf(b.key()))
                    : a.key().compareTo(b.key());
            if (c == 0) {
                c = a.indicator().compareTo(b.indicator());
            }
            return c != 0 ? c : String.valueOf(a.unit()).compareTo(String.valueOf(b.unit()));
        });
        return rows;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // ---------------------------------------------------------------- summary

    public Summary summary(DashboardFilter filter) {
        long[] all = totals(Grouping.ALL, filter).getOrDefault("", new long[5]);
        Map<String, long[]> byPost = totals(Grouping.POST, filter);
        long active = byPost.values().stream().filter(row -> row[ACTIONS] > 0).count();
        List<IndicatorTotal> indicators = new ArrayList<>();
        indicatorTotals(null, filter).forEach((k, v) -> indicators.add(new IndicatorTotal(k.indicator(), k.unit(),
                plain((BigDecimal) v[0]), (Long) v[1])));
        indicators.sort(Comparator.comparing(IndicatorTotal::indicator)
                .thenComparing(t -> t.unit() == null ? "" : t.unit()));
        long inactive = inactive(filter, byPost).size();
        return new Summary(all[CASES], all[ACTIONS], all[CANCELLED], all[EXPERTS], all[TRAINED], active, inactive,
                indicators);
    }

    // ---------------------------------------------------------------- posts

    public List<PostActivity> mostActivePosts(DashboardFilter filter, int limit) {
        Map<String, long[]> byPost = totals(Grouping.POST, filter);
        List<Map.Entry<String, long[]>> ranked = byPost.entrySet().stream().filter(e -> e.getValue()[ACTIONS] > 0)
                .sorted(Comparator.<Map.Entry<String, long[]>> comparingLong(e -> -e.getValue()[ACTIONS])
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<String, String[]> places = new TreeMap<>();
        query("SELECT id, city, host_country FROM directory_post WHERE id = ANY(?)",
                List.of(new TextList(ranked.stream().map(Map.Entry::getKey).toList())),
                rs -> places.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) }));
        List<PostActivity> rows = new ArrayList<>();
        int rank = 0;
        for (Map.Entry<String, long[]> entry : ranked) {
            String[] place = places.getOrDefault(entry.getKey(), new String[2]);
            rows.add(new PostActivity(++rank, entry.getKey(), place[0], place[1], entry.getValue()[ACTIONS],
                    entry.getValue()[CASES]));
        }
        return rows;
    }

    /** Posts of the directory, not closed, without any action (not cancelled) matching the filter. */
    public List<InactivePost> inactivePosts(DashboardFilter filter) {
        return inactive(filter, totals(Grouping.POST, filter));
    }

    private List<InactivePost> inactive(DashboardFilter filter, Map<String, long[]> byPost) {
        List<InactivePost> rows = new ArrayList<>();
        List<Object> params = filter.post() == null ? List.of() : List.of(filter.post());
        query("SELECT id, city, host_country, status FROM directory_post WHERE status <> 'CLOSED'"
                + (filter.post() == null ? "" : " AND id = ?") + " ORDER BY id", params, rs -> {
                    long[] row = byPost.get(rs.getString(1));
                    if (row == null || row[ACTIONS] == 0) {
                        rows.add(new InactivePost(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                });
        return rows;
    }

    // ---------------------------------------------------------------- France's return

    public List<ReturnRow> franceReturn(DashboardFilter filter) {
        Map<PriorityAxis, Map<String, long[]>> grid = new LinkedHashMap<>();
        for (PriorityAxis axis : PriorityAxis.values()) {
            Map<String, long[]> row = new LinkedHashMap<>();
            for (Continent continent : Continents.all()) {
                row.put(continent.code(), new long[2]);
            }
            grid.put(axis, row);
        }
        totals(Grouping.THEMES_COUNTRY, filter).forEach((key, row) -> {
            String[] themesAndCountry = key.split("\\|", 2);
            Continents.of(themesAndCountry[1]).ifPresent(continent -> {
                for (PriorityAxis axis : PriorityAxis.of(elements(themesAndCountry[0]).toArray(String[]::new))) {
                    grid.get(axis).get(continent.code())[0] += row[ACTIONS];
                }
            });
        });
        totals(Grouping.THEMES_COUNTRIES, filter).forEach((key, row) -> {
            String[] themesAndCountries = key.split("\\|", 2);
            for (PriorityAxis axis : PriorityAxis.of(elements(themesAndCountries[0]).toArray(String[]::new))) {
                for (String continent : continents(themesAndCountries[1])) {
                    grid.get(axis).get(continent)[1] += row[CASES];
                }
            }
        });
        List<ReturnRow> rows = new ArrayList<>();
        grid.forEach((axis, byContinent) -> byContinent.forEach((code, counts) -> rows.add(new ReturnRow(axis.name(),
                axis.label(), axis.priority(), code, name(Dimension.CONTINENT, code), counts[0], counts[1]))));
        return rows;
    }

    // ---------------------------------------------------------------- network coverage

    /** Today's network from the directory (dcis.posts.v1 snapshots: counts, never names); {@code post} narrows it. */
    public Coverage coverage(String post) {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byForce = new TreeMap<>();
        Map<String, Long> byRole = new TreeMap<>();
        Map<String, Set<String>> covered = new LinkedHashMap<>();
        Map<String, long[]> postsAndOfficers = new LinkedHashMap<>();
        for (Continent continent : Continents.all()) {
            covered.put(continent.code(), new TreeSet<>());
            postsAndOfficers.put(continent.code(), new long[2]);
        }
        long[] totals = new long[2];
        List<Object> params = post == null ? List.of() : List.of(post);
        query("SELECT id, host_country, status, coverage, officer_count, officers_by_force::text, officers_by_role::text"
                + " FROM directory_post" + (post == null ? "" : " WHERE id = ?"), params, rs -> {
                    String status = rs.getString(3);
                    byStatus.merge(status, 1L, Long::sum);
                    totals[0]++;
                    if ("CLOSED".equals(status)) {
                        return;
                    }
                    long officers = rs.getLong(5);
                    totals[1] += officers;
                    counts(rs.getString(6)).forEach((force, n) -> byForce.merge(force, n, Long::sum));
                    counts(rs.getString(7)).forEach((role, n) -> byRole.merge(role, n, Long::sum));
                    Continents.of(rs.getString(2)).ifPresent(c -> {
                        postsAndOfficers.get(c.code())[0]++;
                        postsAndOfficers.get(c.code())[1] += officers;
                    });
                    for (String country : strings(rs.getArray(4))) {
                        Continents.of(country).ifPresent(c -> covered.get(c.code()).add(country));
                    }
                });
        List<ContinentCoverage> continents = new ArrayList<>();
        long countriesCovered = 0;
        long continentsCovered = 0;
        for (Continent continent : Continents.all()) {
            long n = covered.get(continent.code()).size();
            countriesCovered += n;
            continentsCovered += n > 0 ? 1 : 0;
            long[] po = postsAndOfficers.get(continent.code());
            continents.add(new ContinentCoverage(continent.code(), continent.name(), n,
                    Continents.countriesOf(continent).size(), po[0], po[1]));
        }
        return new Coverage(totals[0], byStatus, totals[1], byForce, byRole, countriesCovered, continentsCovered, continents);
    }

    public List<OfficerCount> officers(String post) {
        Coverage coverage = coverage(post);
        List<OfficerCount> rows = new ArrayList<>();
        coverage.officersByForce().forEach((force, n) -> rows.add(new OfficerCount("force", force, n)));
        coverage.officersByRole().forEach((role, n) -> rows.add(new OfficerCount("role", role, n)));
        return rows;
    }

    private Map<String, Long> counts(String column) {
        try {
            return column == null ? Map.of() : json.readValue(column, COUNTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored officer counts unreadable", e);
        }
    }

    // ---------------------------------------------------------------- JDBC

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object param = params.get(i);
                if (param instanceof TextList list) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", list.codes().toArray()));
                } else {
                    statement.setObject(i + 1, param);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dashboard query failed", e);
        }
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

}
