package org.dcis.cooperation.dashboard;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * The dashboard's figures, read from the pre-aggregated rows of V6 (never from the cases and actions themselves):
 * every query is one range scan of a fact table on {@code (day)} (all posts) or {@code (post, day)} (one post),
 * grouped in the database; what cannot be grouped there (continents of a country list, axes of a theme list) is
 * grouped here from at most a few thousand distinct rows.
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
    private static final String MONTH = "to_char(f.day, 'YYYY-MM')";
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    DashboardQueries(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    private enum Table {
        CASES("dashboard_case_fact"), ACTIONS("dashboard_action_fact"), INDICATORS("dashboard_indicator_fact");

        final String name;

        Table(String name) {
            this.name = name;
        }
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
                where.and("f.countries && ?", new CountryList(Continents.countriesOf(filter.continent())));
            }
        } else {
            where.when(filter.country(), "f.country = ?")
                    .when(filter.kind(), "f.kind = ?")
                    .when(filter.type(), "f.type = ?")
                    .when(filter.actionStatus(), "f.action_status = ?");
            if (filter.continent() != null) {
                where.and("f.country = ANY(?)", new CountryList(Continents.countriesOf(filter.continent())));
            }
        }
        return where;
    }

    /** A list of country codes bound as a varchar[] parameter. */
    private record CountryList(List<String> codes) {
    }

    // ---------------------------------------------------------------- counts by dimension

    public List<CountRow> counts(Dimension by, DashboardFilter filter) {
        Map<String, long[]> totals = new TreeMap<>();
        Where actions = where(Table.ACTIONS, filter);
        String actionKey = switch (by) {
            case THEME -> "t.theme";
            case KIND -> "f.kind";
            case TYPE -> "f.type";
            case FRAMEWORK -> "f.framework";
            case ORGANISATION -> "f.organisation";
            case MISSION -> "f.mission";
            case CONTINENT, COUNTRY -> "f.country";
            case POST -> "f.post";
            case MONTH -> MONTH;
        };
        String sql = "SELECT " + actionKey + ", COALESCE(sum(f.actions) FILTER (WHERE f." + NOT_CANCELLED + "), 0),"
                + " COALESCE(sum(f.actions) FILTER (WHERE NOT f." + NOT_CANCELLED + "), 0) FROM dashboard_action_fact f"
                + (by == Dimension.THEME ? " CROSS JOIN LATERAL unnest(f.themes) AS t(theme)" : "")
                + actions.sql + " GROUP BY 1";
        query(sql, actions.params, rs -> {
            String key = rs.getString(1);
            if (by == Dimension.CONTINENT) {
                key = Continents.of(key).map(Continent::code).orElse(null);
            }
            long[] row = totals.computeIfAbsent(nullKey(key), k -> new long[3]);
            row[1] += rs.getLong(2);
            row[2] += rs.getLong(3);
        });
        boolean countsCases = by != Dimension.KIND && by != Dimension.TYPE;
        if (countsCases) {
            Where cases = where(Table.CASES, filter);
            String caseKey = switch (by) {
                case THEME -> "t.theme";
                case COUNTRY -> "k.country";
                case CONTINENT -> "f.countries";
                case FRAMEWORK -> "f.framework";
                case ORGANISATION -> "f.organisation";
                case MISSION -> "f.mission";
                case POST -> "f.post";
                case MONTH -> MONTH;
                default -> throw new IllegalStateException("no case key for " + by);
            };
            String caseSql = "SELECT " + caseKey + ", sum(f.cases) FROM dashboard_case_fact f"
                    + (by == Dimension.THEME ? " CROSS JOIN LATERAL unnest(f.themes) AS t(theme)" : "")
                    + (by == Dimension.COUNTRY ? " CROSS JOIN LATERAL unnest(f.countries) AS k(country)" : "")
                    + cases.sql + " GROUP BY 1";
            query(caseSql, cases.params, rs -> {
                long count = rs.getLong(2);
                if (by == Dimension.CONTINENT) {
                    // a case counts once on each continent its countries are on
                    Set<String> continents = new TreeSet<>();
                    for (String country : strings(rs.getArray(1))) {
                        Continents.of(country).ifPresent(c -> continents.add(c.code()));
                    }
                    for (String continent : continents) {
                        totals.computeIfAbsent(continent, k -> new long[3])[0] += count;
                    }
                } else {
                    totals.computeIfAbsent(nullKey(rs.getString(1)), k -> new long[3])[0] += count;
                }
            });
        }
        for (String value : allValues(by)) {
            totals.computeIfAbsent(value, k -> new long[3]);
        }
        List<CountRow> rows = new ArrayList<>();
        for (String key : ordered(by, totals.keySet())) {
            long[] row = totals.get(key);
            String value = NONE.equals(key) ? null : key;
            rows.add(new CountRow(value, name(by, value), countsCases ? row[0] : null, row[1], row[2]));
        }
        return rows;
    }

    /** Bilateral cases have no organisation nor mission: their row has a null key (sorted last). */
    private static final String NONE = "\uffff";

    private static String nullKey(String key) {
        return key == null ? NONE : key;
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

    public List<IndicatorRow> indicators(IndicatorDimension by, DashboardFilter filter) {
        Where where = where(Table.INDICATORS, filter).and("f." + NOT_CANCELLED);
        String key = by == IndicatorDimension.THEME ? "t.theme" : MONTH;
        String sql = "SELECT " + key + ", f.indicator, f.unit, sum(f.quantity), sum(f.outcomes) FROM dashboard_indicator_fact f"
                + (by == IndicatorDimension.THEME ? " CROSS JOIN LATERAL unnest(f.themes) AS t(theme)" : "")
                + where.sql + " GROUP BY 1, 2, 3";
        List<IndicatorRow> rows = new ArrayList<>();
        query(sql, where.params, rs -> rows.add(new IndicatorRow(rs.getString(1), rs.getString(2), rs.getString(3),
                plain(rs.getBigDecimal(4)), rs.getLong(5))));
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
        Where cases = where(Table.CASES, filter);
        long[] caseCount = new long[1];
        query("SELECT COALESCE(sum(f.cases), 0) FROM dashboard_case_fact f" + cases.sql, cases.params,
                rs -> caseCount[0] = rs.getLong(1));
        Where actions = where(Table.ACTIONS, filter);
        long[] a = new long[5];
        query("SELECT COALESCE(sum(f.actions) FILTER (WHERE f." + NOT_CANCELLED + "), 0),"
                + " COALESCE(sum(f.actions) FILTER (WHERE NOT f." + NOT_CANCELLED + "), 0),"
                + " COALESCE(sum(f.french_experts) FILTER (WHERE f." + NOT_CANCELLED + "), 0),"
                + " COALESCE(sum(f.officers_trained) FILTER (WHERE f." + NOT_CANCELLED + "), 0),"
                + " count(DISTINCT f.post) FILTER (WHERE f." + NOT_CANCELLED + " AND f.actions > 0)"
                + " FROM dashboard_action_fact f" + actions.sql, actions.params, rs -> {
                    for (int i = 0; i < 5; i++) {
                        a[i] = rs.getLong(i + 1);
                    }
                });
        Where indicators = where(Table.INDICATORS, filter).and("f." + NOT_CANCELLED);
        List<IndicatorTotal> totals = new ArrayList<>();
        query("SELECT f.indicator, f.unit, sum(f.quantity), sum(f.outcomes) FROM dashboard_indicator_fact f" + indicators.sql
                + " GROUP BY 1, 2 ORDER BY 1, 2 NULLS FIRST", indicators.params,
                rs -> totals.add(new IndicatorTotal(rs.getString(1), rs.getString(2), plain(rs.getBigDecimal(3)),
                        rs.getLong(4))));
        long inactive = inactivePosts(filter).size();
        return new Summary(caseCount[0], a[0], a[1], a[2], a[3], a[4], inactive, totals);
    }

    // ---------------------------------------------------------------- posts

    public List<PostActivity> mostActivePosts(DashboardFilter filter, int limit) {
        Where actions = where(Table.ACTIONS, filter).and("f." + NOT_CANCELLED);
        Map<String, long[]> byPost = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>(actions.params);
        params.add(limit);
        query("SELECT f.post, sum(f.actions) AS n FROM dashboard_action_fact f" + actions.sql
                + " GROUP BY f.post HAVING sum(f.actions) > 0 ORDER BY n DESC, f.post LIMIT ?", params,
                rs -> byPost.put(rs.getString(1), new long[] { rs.getLong(2), 0 }));
        if (byPost.isEmpty()) {
            return List.of();
        }
        Where cases = where(Table.CASES, filter).and("f.post = ANY(?)", new CountryList(List.copyOf(byPost.keySet())));
        query("SELECT f.post, sum(f.cases) FROM dashboard_case_fact f" + cases.sql + " GROUP BY f.post", cases.params,
                rs -> byPost.get(rs.getString(1))[1] = rs.getLong(2));
        Map<String, String[]> places = new TreeMap<>();
        query("SELECT id, city, host_country FROM directory_post WHERE id = ANY(?)",
                List.of(new CountryList(List.copyOf(byPost.keySet()))),
                rs -> places.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) }));
        List<PostActivity> rows = new ArrayList<>();
        int rank = 0;
        for (Map.Entry<String, long[]> entry : byPost.entrySet()) {
            String[] place = places.getOrDefault(entry.getKey(), new String[2]);
            rows.add(new PostActivity(++rank, entry.getKey(), place[0], place[1], entry.getValue()[0], entry.getValue()[1]));
        }
        return rows;
    }

    /** Posts of the directory, not closed, without any action (not cancelled) matching the filter. */
    public List<InactivePost> inactivePosts(DashboardFilter filter) {
        Where actions = where(Table.ACTIONS, filter).and("f." + NOT_CANCELLED).and("f.post = d.id").and("f.actions > 0");
        List<Object> params = new ArrayList<>(actions.params);
        String onePost = "";
        if (filter.post() != null) {
            onePost = " AND d.id = ?";
            params.add(filter.post());
        }
        List<InactivePost> rows = new ArrayList<>();
        query("SELECT d.id, d.city, d.host_country, d.status FROM directory_post d WHERE d.status <> 'CLOSED'" + onePost
                + " AND NOT EXISTS (SELECT 1 FROM dashboard_action_fact f" + actions.sql + ") ORDER BY d.id",
                reorder(params, actions.params.size(), filter.post() != null),
                rs -> rows.add(new InactivePost(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
        return rows;
    }

    /** The post parameter comes before the sub-query's in the statement. */
    private static List<Object> reorder(List<Object> params, int subQuery, boolean onePost) {
        if (!onePost) {
            return params;
        }
        List<Object> ordered = new ArrayList<>();
        ordered.add(params.get(subQuery));
        ordered.addAll(params.subList(0, subQuery));
        return ordered;
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
        Where actions = where(Table.ACTIONS, filter).and("f." + NOT_CANCELLED);
        query("SELECT f.themes, f.country, sum(f.actions) FROM dashboard_action_fact f" + actions.sql + " GROUP BY 1, 2",
                actions.params, rs -> {
                    String[] themes = strings(rs.getArray(1));
                    long count = rs.getLong(3);
                    Continents.of(rs.getString(2)).ifPresent(continent -> {
                        for (PriorityAxis axis : PriorityAxis.of(themes)) {
                            grid.get(axis).get(continent.code())[0] += count;
                        }
                    });
                });
        Where cases = where(Table.CASES, filter);
        query("SELECT f.themes, f.countries, sum(f.cases) FROM dashboard_case_fact f" + cases.sql + " GROUP BY 1, 2",
                cases.params, rs -> {
                    String[] themes = strings(rs.getArray(1));
                    long count = rs.getLong(3);
                    Set<String> continents = new TreeSet<>();
                    for (String country : strings(rs.getArray(2))) {
                        Continents.of(country).ifPresent(c -> continents.add(c.code()));
                    }
                    for (PriorityAxis axis : PriorityAxis.of(themes)) {
                        for (String continent : continents) {
                            grid.get(axis).get(continent)[1] += count;
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
                if (param instanceof CountryList list) {
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

    static Set<Dimension> casesCounted() {
        return EnumSet.complementOf(EnumSet.of(Dimension.KIND, Dimension.TYPE));
    }
}
