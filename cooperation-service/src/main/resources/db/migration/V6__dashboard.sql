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

-- Network coverage: the registry's counts of officers by force and by role, carried by dcis.posts.v1 (never names).
ALTER TABLE directory_post ADD COLUMN officers_by_force JSONB NOT NULL DEFAULT '{}';
ALTER TABLE directory_post ADD COLUMN officers_by_role JSONB NOT NULL DEFAULT '{}';

-- The dashboard of an existing database starts from what is stored.
INSERT INTO dashboard_case_fact (day, post, themes, framework, organisation, mission, case_status, restricted, countries, cases)
SELECT c.opened_on, c.lead_post, c.themes, c.framework, c.organisation, c.mission_code, c.status,
       c.handling = 'RESTRICTED', c.countries, count(*)
FROM cooperation_case c
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO dashboard_action_fact (day, post, themes, kind, type, framework, organisation, mission, action_status,
                                   case_status, restricted, country, actions, french_experts, officers_trained)
SELECT COALESCE(a.actual_start, a.planned_start), c.lead_post, c.themes, a.kind, a.type, c.framework, c.organisation,
       c.mission_code, a.status, c.status, c.handling = 'RESTRICTED', a.place_country, count(*),
       sum(a.french_experts), sum(a.partner_officers_trained)
FROM cooperation_action a JOIN cooperation_case c ON c.id = a.case_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;

INSERT INTO dashboard_indicator_fact (day, post, themes, kind, type, framework, organisation, mission, action_status,
                                      case_status, restricted, country, indicator, unit, outcomes, quantity)
SELECT COALESCE(a.actual_start, a.planned_start), c.lead_post, c.themes, a.kind, a.type, c.framework, c.organisation,
       c.mission_code, a.status, c.status, c.handling = 'RESTRICTED', a.place_country, o.indicator,
       NULLIF(btrim(o.unit), ''), count(*), sum(o.quantity)
FROM cooperation_action a JOIN cooperation_case c ON c.id = a.case_id
     CROSS JOIN LATERAL jsonb_to_recordset(a.outcomes::jsonb) AS o(indicator VARCHAR(40), quantity NUMERIC, unit VARCHAR(30))
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;
