-- Headquarters dashboard (issue 9): a read model of pre-aggregated rows, kept current in the transaction of every
-- write of a case or an action (dashboard.DashboardUpdater, called by CaseService and ActionService), rebuilt in
-- bulk by dashboard.DashboardRebuild (one INSERT ... SELECT per table from cooperation_case and cooperation_action).
--
-- One row per combination of the dimensions a filter or a table of the dashboard needs, per day. Nullable
-- dimensions (organisation, mission, unit) are part of the key: NULLS NOT DISTINCT (PostgreSQL 15+).
-- A row whose count falls to 0 is deleted by the updater (the partial indexes below find them at once).
--
-- Indexes: every query reads a day range, for every post (hq-analyst) or one post (an officer, or the post filter):
--   (day) for the first, (post, day) for the second. Other filters are applied on the rows of that range.

-- Cases, on the day they were opened (cooperation_case.opened_on: a Paris calendar date).
CREATE TABLE dashboard_case_fact (
    day           DATE          NOT NULL,
    post          VARCHAR(48)   NOT NULL,
    themes        VARCHAR(40)[] NOT NULL,
    framework     VARCHAR(20)   NOT NULL,
    organisation  VARCHAR(20),
    mission       VARCHAR(40),
    case_status   VARCHAR(20)   NOT NULL,
    restricted    BOOLEAN       NOT NULL,
    countries     VARCHAR(2)[]  NOT NULL,
    cases         INTEGER       NOT NULL,
    CONSTRAINT dashboard_case_fact_key UNIQUE NULLS NOT DISTINCT
        (day, post, themes, framework, organisation, mission, case_status, restricted, countries)
);
CREATE INDEX dashboard_case_fact_day ON dashboard_case_fact (day);
CREATE INDEX dashboard_case_fact_post_day ON dashboard_case_fact (post, day);
CREATE INDEX dashboard_case_fact_empty ON dashboard_case_fact (post) WHERE cases = 0;

-- Actions, on the day they belong to: their actual start when known, else their planned start
-- (docs/conventions.md, "Dashboard"), with the dimensions of their case.
CREATE TABLE dashboard_action_fact (
    day             DATE          NOT NULL,
    post            VARCHAR(48)   NOT NULL,
    themes          VARCHAR(40)[] NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    type            VARCHAR(40)   NOT NULL,
    framework       VARCHAR(20)   NOT NULL,
    organisation    VARCHAR(20),
    mission         VARCHAR(40),
    action_status   VARCHAR(20)   NOT NULL,
    case_status     VARCHAR(20)   NOT NULL,
    restricted      BOOLEAN       NOT NULL,
    country         VARCHAR(2)    NOT NULL,
    actions         INTEGER       NOT NULL,
    french_experts  BIGINT        NOT NULL,
    officers_trained BIGINT       NOT NULL,
    CONSTRAINT dashboard_action_fact_key UNIQUE NULLS NOT DISTINCT
        (day, post, themes, kind, type, framework, organisation, mission, action_status, case_status, restricted, country)
);
CREATE INDEX dashboard_action_fact_day ON dashboard_action_fact (day);
CREATE INDEX dashboard_action_fact_post_day ON dashboard_action_fact (post, day);
CREATE INDEX dashboard_action_fact_empty ON dashboard_action_fact (post) WHERE actions = 0;

-- Outcome indicators of actions (persons trained, seizures by unit, arrests...), same dimensions as the action.
CREATE TABLE dashboard_indicator_fact (
    day             DATE          NOT NULL,
    post            VARCHAR(48)   NOT NULL,
    themes          VARCHAR(40)[] NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    type            VARCHAR(40)   NOT NULL,
    framework       VARCHAR(20)   NOT NULL,
    organisation    VARCHAR(20),
    mission         VARCHAR(40),
    action_status   VARCHAR(20)   NOT NULL,
    case_status     VARCHAR(20)   NOT NULL,
    restricted      BOOLEAN       NOT NULL,
    country         VARCHAR(2)    NOT NULL,
    indicator       VARCHAR(40)   NOT NULL,
    unit            VARCHAR(30),
    outcomes        INTEGER       NOT NULL,
    quantity        NUMERIC       NOT NULL,
    CONSTRAINT dashboard_indicator_fact_key UNIQUE NULLS NOT DISTINCT
        (day, post, themes, kind, type, framework, organisation, mission, action_status, case_status, restricted,
         country, indicator, unit)
);
CREATE INDEX dashboard_indicator_fact_day ON dashboard_indicator_fact (day);
CREATE INDEX dashboard_indicator_fact_post_day ON dashboard_indicator_fact (post, day);
CREATE INDEX dashboard_indicator_fact_empty ON dashboard_indicator_fact (post) WHERE outcomes = 0;

-- Monthly roll-ups, one per dimension a table is counted by, for the queries that narrow nothing but the period and
-- the post (headquarters' views and every officer's): a day grain keeps almost one row per action on a million of
-- them (about 300 000 rows to group for "everything"), a roll-up of one dimension keeps a few per post and month
-- (76 posts x 60 months x 7 themes = 32 000 for the theme table over five years). Full months of a period are read
-- here, its partial first and last months from the day tables above (dashboard.DashboardQueries).
-- dim: theme, kind, type, framework, organisation, mission, country (actions: place; cases: each of their
-- countries), countries (cases: the whole list, for continents), all (one row per post and month),
-- themes-country (actions: their case's themes and their place) and themes-countries (cases), for France's return.
-- cases: cases opened that month; actions: actions of that month not cancelled, cancelled: the cancelled ones;
-- french_experts, officers_trained: of the actions not cancelled. The key of a bilateral case's organisation or
-- mission is NULL.
CREATE TABLE dashboard_rollup (
    month             DATE          NOT NULL,
    post              VARCHAR(48)   NOT NULL,
    dim               VARCHAR(20)   NOT NULL,
    key               TEXT,
    cases             INTEGER       NOT NULL,
    actions           INTEGER       NOT NULL,
    cancelled         INTEGER       NOT NULL,
    french_experts    BIGINT        NOT NULL,
    officers_trained  BIGINT        NOT NULL,
    CONSTRAINT dashboard_rollup_key UNIQUE NULLS NOT DISTINCT (month, post, dim, key)
);
-- headquarters: one dimension over a range of months; an officer (or the post filter): the same for one post
CREATE INDEX dashboard_rollup_dim_month ON dashboard_rollup (dim, month);
CREATE INDEX dashboard_rollup_post_dim_month ON dashboard_rollup (post, dim, month);
CREATE INDEX dashboard_rollup_empty ON dashboard_rollup (post) WHERE cases = 0 AND actions = 0 AND cancelled = 0;

-- Indicator totals of the actions not cancelled, per month, post, dim (theme, all) and key, indicator and unit.
CREATE TABLE dashboard_indicator_rollup (
    month       DATE          NOT NULL,
    post        VARCHAR(48)   NOT NULL,
    dim         VARCHAR(20)   NOT NULL,
    key         TEXT          NOT NULL,
    indicator   VARCHAR(40)   NOT NULL,
    unit        VARCHAR(30),
    outcomes    INTEGER       NOT NULL,
    quantity    NUMERIC       NOT NULL,
    CONSTRAINT dashboard_indicator_rollup_key UNIQUE NULLS NOT DISTINCT (month, post, dim, key, indicator, unit)
);
CREATE INDEX dashboard_indicator_rollup_dim_month ON dashboard_indicator_rollup (dim, month);
CREATE INDEX dashboard_indicator_rollup_post_dim_month ON dashboard_indicator_rollup (post, dim, month);
CREATE INDEX dashboard_indicator_rollup_empty ON dashboard_indicator_rollup (post) WHERE outcomes = 0;

-- Network coverage: the registry's counts of officers by force and by role, carried by dcis.posts.v1 (never names).
ALTER TABLE directory_post ADD COLUMN officers_by_force JSONB NOT NULL DEFAULT '{}';
ALTER TABLE directory_post ADD COLUMN officers_by_role JSONB NOT NULL DEFAULT '{}';

-- The dashboard of an existing database starts from what is stored: cooperation-service runs DashboardRebuild at
-- start when the read model is empty and cases exist (dashboard.DashboardStartup), with the same SQL as the updater.
