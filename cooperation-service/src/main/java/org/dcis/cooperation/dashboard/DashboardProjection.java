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

    private static final String ACTION_DIMENSIONS = "COALESCE(a.actual_start, a.planned_start), c.lead_post, c.themes,"
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
            "DELETE FROM " + INDICATOR_TABLE + " WHERE outcomes = 0" };
}
