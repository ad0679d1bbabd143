-- Missions of the demo history (issue 9), besides V3's reference list: EU and UN missions and UNODC programmes
-- the network works with. Dates and scopes are illustrative. ON CONFLICT: a mission registry-admin already
-- created under the same code stays as it is.
INSERT INTO mission (code, name, organisation, host_countries, starts_on, ends_on) VALUES
 ('MINUSMA', 'United Nations Multidimensional Integrated Stabilization Mission in Mali', 'UN', '{ML}', '2013-04-25', '2023-12-31'),
 ('MONUSCO', 'United Nations Organization Stabilization Mission in the DR Congo', 'UN', '{CD}', '2010-07-01', NULL),
 ('UNODC-GMCP', 'UNODC Global Maritime Crime Programme', 'UN', '{KE,MG,MZ,SC,SO,TZ}', '2009-05-01', NULL),
 ('UNODC-AIRCOP', 'UNODC AIRCOP: airport communication project', 'UN', '{BF,BJ,CI,CM,CV,GH,NE,NG,SN,TG}', '2010-11-01', NULL),
 ('EUCAP-SOMALIA', 'EUCAP Somalia', 'EU', '{SO}', '2012-07-16', NULL),
 ('EUAM-IRAQ', 'EU Advisory Mission in Iraq', 'EU', '{IQ}', '2017-10-16', NULL),
 ('EUPOL-COPPS', 'EU Police and Rule of Law Mission for the Palestinian Territories', 'EU', '{PS}', '2006-01-01', NULL),
 ('EUBAM-MOLDOVA-UKRAINE', 'EU Border Assistance Mission to Moldova and Ukraine', 'EU', '{MD,UA}', '2005-11-30', NULL)
ON CONFLICT (code) DO NOTHING;

-- The demo history's one row: which seed and anchor day it was generated from, how far it got (cases of the plan
-- written, in plan order; each batch updates it in its own transaction) and when it finished. Its presence with
-- finished_at set is what keeps the history from being loaded twice; a load cut short resumes after the last batch.
CREATE TABLE demo_history (
    id              SMALLINT     PRIMARY KEY CHECK (id = 1),
    seed            BIGINT       NOT NULL,
    anchor_date     DATE         NOT NULL,
    planned_cases   INTEGER      NOT NULL,
    planned_actions INTEGER      NOT NULL,
    loaded_cases    INTEGER      NOT NULL DEFAULT 0,
    loaded_actions  INTEGER      NOT NULL DEFAULT 0,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ
);
