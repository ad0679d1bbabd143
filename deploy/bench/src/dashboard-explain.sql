-- The statements cooperation-service's DashboardQueries sends for the tables the dashboard benchmark measures,
-- copied from its SQL (Where, Grouping, totals, fromDays, indicatorTotals) with the parameters written in: only for
-- EXPLAIN (ANALYZE, BUFFERS) by `deploy/bench/dashboard` (DashboardData explain). The service binds them as
-- parameters of prepared statements; a plan here is the custom plan of these values.
-- Placeholders, set by the script from the run's periods: :month_from .. :today (the last 30 days: two partial
-- months, both read from the day tables), :month_from_end (last day of :month_from's month), :cur_month (first day
-- of today's month), :year_from, :year_from_end, :year_rollup_from .. :rollup_to (the full months of the last 365
-- days, read from the roll-ups).
--
-- A table = several of these: summary = totals(ALL) + totals(POST) + indicatorTotals + the directory; every count
-- table = its action statement + its case statement (per partial month, or once over the roll-up).

-- name: month, summary/counts: actions of the first partial month (day table, every post)
SELECT '', COALESCE(sum(f.actions) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.actions) FILTER (WHERE NOT f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.french_experts) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.officers_trained) FILTER (WHERE f.action_status <> 'CANCELLED'), 0)
 FROM dashboard_action_fact f WHERE TRUE AND f.day >= DATE ':month_from' AND f.day <= DATE ':month_from_end' GROUP BY 1;

-- name: month, summary/counts: cases of the first partial month (day table)
SELECT '', sum(f.cases) FROM dashboard_case_fact f WHERE TRUE AND f.day >= DATE ':month_from' AND f.day <= DATE ':month_from_end' GROUP BY 1;

-- name: month, counts/post (and summary, most-active, inactive): actions by post, first partial month
SELECT f.post, COALESCE(sum(f.actions) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.actions) FILTER (WHERE NOT f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.french_experts) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.officers_trained) FILTER (WHERE f.action_status <> 'CANCELLED'), 0)
 FROM dashboard_action_fact f WHERE TRUE AND f.day >= DATE ':month_from' AND f.day <= DATE ':month_from_end' GROUP BY 1;

-- name: month, counts/theme: actions by theme (unnest of the case's themes), first partial month
SELECT t.theme, COALESCE(sum(f.actions) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.actions) FILTER (WHERE NOT f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.french_experts) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.officers_trained) FILTER (WHERE f.action_status <> 'CANCELLED'), 0)
 FROM dashboard_action_fact f CROSS JOIN LATERAL unnest(f.themes) AS t(theme)
 WHERE TRUE AND f.day >= DATE ':month_from' AND f.day <= DATE ':month_from_end' GROUP BY 1;

-- name: month, summary/indicators: indicator totals of the first partial month (day table)
SELECT '', f.indicator, f.unit, sum(f.quantity), sum(f.outcomes) FROM dashboard_indicator_fact f
 WHERE TRUE AND f.day >= DATE ':month_from' AND f.day <= DATE ':month_from_end' AND f.action_status <> 'CANCELLED' GROUP BY 1, 2, 3;

-- name: month, return: actions by themes and place, first partial month
SELECT f.themes::text || '|' || f.country, COALESCE(sum(f.actions) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.actions) FILTER (WHERE NOT f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.french_experts) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.officers_trained) FILTER (WHERE f.action_status <> 'CANCELLED'), 0)
 FROM dashboard_action_fact f WHERE TRUE AND f.day >= DATE ':month_from' AND f.day <= DATE ':month_from_end' GROUP BY 1;

-- name: month, counts/post: actions by post, second partial month (today's)
SELECT f.post, COALESCE(sum(f.actions) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.actions) FILTER (WHERE NOT f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.french_experts) FILTER (WHERE f.action_status <> 'CANCELLED'), 0),
 COALESCE(sum(f.officers_trained) FILTER (WHERE f.action_status <> 'CANCELLED'), 0)
 FROM dashboard_action_fact f WHERE TRUE AND f.day >= DATE ':cur_month' AND f.day <= DATE ':today' GROUP BY 1;

-- name: year, summary/counts: the full months from the roll-up, one row per post and month (dim all)
SELECT r.key, sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts), sum(r.officers_trained)
 FROM dashboard_rollup r WHERE TRUE AND r.dim = 'all' AND r.month >= DATE ':year_rollup_from' AND r.month <= DATE ':rollup_to' GROUP BY 1;

-- name: year, counts/country: the full months from the roll-up (dim country)
SELECT r.key, sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts), sum(r.officers_trained)
 FROM dashboard_rollup r WHERE TRUE AND r.dim = 'country' AND r.month >= DATE ':year_rollup_from' AND r.month <= DATE ':rollup_to' GROUP BY 1;

-- name: all, summary/counts/post: every month from the roll-up by post (dim all)
SELECT r.post, sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts), sum(r.officers_trained)
 FROM dashboard_rollup r WHERE TRUE AND r.dim = 'all' GROUP BY 1;

-- name: all, counts/theme: every month from the roll-up (dim theme)
SELECT r.key, sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts), sum(r.officers_trained)
 FROM dashboard_rollup r WHERE TRUE AND r.dim = 'theme' GROUP BY 1;

-- name: all, counts/country and counts/continent: every month from the roll-up (dim country)
SELECT r.key, sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts), sum(r.officers_trained)
 FROM dashboard_rollup r WHERE TRUE AND r.dim = 'country' GROUP BY 1;

-- name: all, counts/continent (cases): every month from the roll-up (dim countries)
SELECT r.key, sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts), sum(r.officers_trained)
 FROM dashboard_rollup r WHERE TRUE AND r.dim = 'countries' GROUP BY 1;

-- name: all, return (actions): every month from the roll-up (dim themes-country)
SELECT r.key, sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts), sum(r.officers_trained)
 FROM dashboard_rollup r WHERE TRUE AND r.dim = 'themes-country' GROUP BY 1;

-- name: all, return (cases): every month from the roll-up (dim themes-countries)
SELECT r.key, sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts), sum(r.officers_trained)
 FROM dashboard_rollup r WHERE TRUE AND r.dim = 'themes-countries' GROUP BY 1;

-- name: all, counts/month: every month from the roll-up (dim all, by month)
SELECT to_char(r.month, 'YYYY-MM'), sum(r.cases), sum(r.actions), sum(r.cancelled), sum(r.french_experts), sum(r.officers_trained)
 FROM dashboard_rollup r WHERE TRUE AND r.dim = 'all' GROUP BY 1;

-- name: all, summary/indicators: every month from the indicator roll-up (dim all)
SELECT r.key, r.indicator, r.unit, sum(r.quantity), sum(r.outcomes) FROM dashboard_indicator_rollup r
 WHERE TRUE AND r.dim = 'all' GROUP BY 1, 2, 3;

-- name: all, indicators/theme: every month from the indicator roll-up (dim theme)
SELECT r.key, r.indicator, r.unit, sum(r.quantity), sum(r.outcomes) FROM dashboard_indicator_rollup r
 WHERE TRUE AND r.dim = 'theme' GROUP BY 1, 2, 3;
