package org.dcis.cooperation.dashboard;

/**
 * What the dashboard counts of cases and actions, as SQL over {@code cooperation_case} and {@code cooperation_action}:
 * one {@code SELECT} per table of the read model, grouped by the table's key. The updater runs it on one case or one
 * action (with a sign: -1 to withdraw, +1 to count) and adds the result to the stored rows; the rebuild runs it on
 * everything. The rules (docs/conventions.md, "Dashboard"):
 * <ul>
 * <li>a case belongs to the day it was opened ({@code opened_on}, a Paris calendar date);</li>
 * <li>an action belongs to the day of its actual start when it has one, else of its planned start;</li>
 * <li>an action carries the dimensions of its case: lead post, themes, framework, organisation, mission, case status,
 * handling; and its own: kind, type, status, place country;</li>
 * <li>each outcome of an action is one indicator row (indicator, unit trimmed, quantity).</li>
 * </ul>
 */
final class DashboardProjection {
    static final String CASE_TABLE = "dashboard_case_fact";
    static final String ACTION_TABLE = "dashboard_action_fact";
    static final String INDICATOR_TABLE = "dashboard_indicator_fact";
    static final String ROLLUP_TABLE = "dashboard_rollup";
    static final String INDICATOR_ROLLUP_TABLE = "dashboard_indicator_rollup";
    static final String ALL_TABLES = CASE_TABLE + ", " + ACTION_TABLE + ", " + INDICATOR_TABLE + ", " + ROLLUP_TABLE + ", "
            + INDICATOR_ROLLUP_TABLE;

    private static final String CASE_KEY = "day, post, themes, framework, organisation, mission, case_status, restricted, countries";
    private static final String ACTION_KEY = "day, post, themes, kind, type, framework, organisation, mission, action_status, "
            + "case_status, restricted, country";
    private static final String INDICATOR_KEY = ACTION_KEY + ", indicator, unit";

    private DashboardProjection() {
    }

    /** Cases of {@code scope} (a condition on {@code c}), each counted {@code sign} times. */
    static String cases(String scope, int sign) {
        return "INSERT INTO " + CASE_TABLE + " AS f (" + CASE_KEY + ", cases)"
                + " SELECT c.opened_on, c.lead_post, c.themes, c.framework, c.organisation, c.mission_code, c.status,"
                + " c.handling = 'RESTRICTED', c.countries, " + sign + " * count(*)"
                + " FROM cooperation_case c WHERE " + scope
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
                + upsert("dashboard_case_fact_key", "cases = f.cases + EXCLUDED.cases", sign);
    }

    /** Actions of {@code scope} (a condition on {@code a} and its case {@code c}). */
    static String actions(String scope, int sign) {
        return "INSERT INTO " + ACTION_TABLE + " AS f (" + ACTION_KEY + ", actions, french_experts, officers_trained)"
                + " SELECT " + ACTION_DIMENSIONS + ", " + sign + " * count(*), " + sign + " * sum(a.french_experts), "
                + sign + " * sum(a.partner_officers_trained)"
                + " FROM cooperation_action a JOIN cooperation_case c ON c.id = a.case_id WHERE " + scope
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12"
                + upsert("dashboard_action_fact_key", "actions = f.actions + EXCLUDED.actions,"
                        + " french_experts = f.french_experts + EXCLUDED.french_experts,"
                        + " officers_trained = f.officers_trained + EXCLUDED.officers_trained", sign);
    }

    /** Outcomes of the actions of {@code scope}. */
    static String indicators(String scope, int sign) {
        return "INSERT INTO " + INDICATOR_TABLE + " AS f (" + INDICATOR_KEY + ", outcomes, quantity)"
                + " SELECT " + ACTION_DIMENSIONS + ", o.indicator, NULLIF(btrim(o.unit), ''), " + sign + " * count(*), "
                + sign + " * sum(o.quantity)"
                + " FROM cooperation_action a JOIN cooperation_case c ON c.id = a.case_id"
                + " CROSS JOIN LATERAL jsonb_to_recordset(a.outcomes::jsonb)"
                + " AS o(indicator VARCHAR(40), quantity NUMERIC, unit VARCHAR(30))"
                + " WHERE " + scope
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14"
                + " ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14"
                + upsert("dashboard_indicator_fact_key", "outcomes = f.outcomes + EXCLUDED.outcomes,"
                        + " quantity = f.quantity + EXCLUDED.quantity", sign);
    }

    /** The monthly roll-ups of cases of {@code scope}: one row per dimension value (V6, dashboard_rollup). */
    static String caseRollup(String scope, int sign) {
        return "INSERT INTO " + ROLLUP_TABLE + " AS r (month, post, dim, key, cases, actions, cancelled, french_experts,"
                + " officers_trained)"
                + " SELECT date_trunc('month', c.opened_on)::date, c.lead_post, k.dim, k.key, " + sign + " * count(*), 0, 0, 0, 0"
                + " FROM cooperation_case c CROSS JOIN LATERAL ("
                + "SELECT 'theme', t::text FROM unnest(c.themes) AS t"
                + " UNION ALL SELECT 'country', x::text FROM unnest(c.countries) AS x"
                + " UNION ALL VALUES ('framework', c.framework::text), ('organisation', c.organisation::text),"
                + " ('mission', c.mission_code::text), ('countries', c.countries::text), ('all', ''),"
                + " ('themes-countries', c.themes::text || '|' || c.countries::text)) AS k(dim, key)"
                + " WHERE " + scope
                + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4" + ROLLUP_UPSERT;
    }

    /** The monthly roll-ups of actions of {@code scope}. */
    static String actionRollup(String scope, int sign) {
        return "INSERT INTO " + ROLLUP_TABLE + " AS r (month, post, dim, key, cases, actions, cancelled, french_experts,"
                + " officers_trained)"
                + " SELECT date_trunc('month', " + ACTION_DAY + ")::date, c.lead_post, k.dim, k.key, 0,"
                + " " + sign + " * count(*) FILTER (WHERE a.status <> 'CANCELLED'),"
                + " " + sign + " * count(*) FILTER (WHERE a.status = 'CANCELLED'),"
                + " " + sign + " * COALESCE(sum(a.french_experts) FILTER (WHERE a.status <> 'CANCELLED'), 0),"
                + " " + sign + " * COALESCE(sum(a.partner_officers_trained) FILTER (WHERE a.status <> 'CANCELLED'), 0)"
                + " FROM cooperation_action a JOIN cooperation_case c ON c.id = a.case_id CROSS JOIN LATERAL ("
                + "SELECT 'theme', t::text FROM unnest(c.themes) AS t"
                + " UNION ALL VALUES ('kind', a.kind::text), ('type', a.type::text), ('framework', c.framework::text),"
                + " ('organisation', c.organisation::text), ('mission', c.mission_code::text),"
                + " ('country', a.place_country::text), ('all', ''),"
                + " ('themes-country', c.themes::text || '|' || a.place_country)) AS k(dim, key)"
                + " WHERE " + scope
                + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4" + ROLLUP_UPSERT;
    }

    /** The monthly indicator roll-ups of the actions of {@code scope} that are not cancelled. */
    static String indicatorRollup(String scope, int sign) {
        return "INSERT INTO " + INDICATOR_ROLLUP_TABLE + " AS r (month, post, dim, key, indicator, unit, outcomes, quantity)"
                + " SELECT date_trunc('month', " + ACTION_DAY + ")::date, c.lead_post, k.dim, k.key, o.indicator,"
                + " NULLIF(btrim(o.unit), ''), " + sign + " * count(*), " + sign + " * sum(o.quantity)"
                + " FROM cooperation_action a JOIN cooperation_case c ON c.id = a.case_id"
                + " CROSS JOIN LATERAL jsonb_to_recordset(a.outcomes::jsonb)"
                + " AS o(indicator VARCHAR(40), quantity NUMERIC, unit VARCHAR(30))"
                + " CROSS JOIN LATERAL (SELECT 'theme', t::text FROM unnest(c.themes) AS t UNION ALL VALUES ('all', ''))"
                + " AS k(dim, key)"
                + " WHERE a.status <> 'CANCELLED' AND " + scope
                + " GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6"
                + " ON CONFLICT ON CONSTRAINT dashboard_indicator_rollup_key DO UPDATE SET"
                + " outcomes = r.outcomes + EXCLUDED.outcomes, quantity = r.quantity + EXCLUDED.quantity";
    }

    private static final String ROLLUP_UPSERT = " ON CONFLICT ON CONSTRAINT dashboard_rollup_key DO UPDATE SET"
            + " cases = r.cases + EXCLUDED.cases, actions = r.actions + EXCLUDED.actions,"
            + " cancelled = r.cancelled + EXCLUDED.cancelled, french_experts = r.french_experts + EXCLUDED.french_experts,"
            + " officers_trained = r.officers_trained + EXCLUDED.officers_trained";

    /** The day an action belongs to: its actual start when it has one, else its planned start. */
    private static final String ACTION_DAY = "COALESCE(a.actual_start, a.planned_start)";

    private static final String ACTION_DIMENSIONS = ACTION_DAY + ", c.lead_post, c.themes,"
            + " a.kind, a.type, c.framework, c.organisation, c.mission_code, a.status, c.status,"
            + " c.handling = 'RESTRICTED', a.place_country";

    /** Adds to the stored row of the same key (the rebuild inserts into empty tables: no conflict there). */
    private static String upsert(String constraint, String set, int sign) {
        return " ON CONFLICT ON CONSTRAINT " + constraint + " DO UPDATE SET " + set;
    }

    /** Rows whose counts fell to zero (found through the partial indexes of V6). */
    static final String[] DELETE_EMPTY = {
            "DELETE FROM " + CASE_TABLE + " WHERE cases = 0",
            "DELETE FROM " + ACTION_TABLE + " WHERE actions = 0",
            "DELETE FROM " + INDICATOR_TABLE + " WHERE outcomes = 0",
            "DELETE FROM " + ROLLUP_TABLE + " WHERE cases = 0 AND actions = 0 AND cancelled = 0",
            "DELETE FROM " + INDICATOR_ROLLUP_TABLE + " WHERE outcomes = 0" };
}
