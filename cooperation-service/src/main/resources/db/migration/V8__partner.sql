-- Partner change log: every change a partner organisation's system may see (a released case opened, revised or
-- closed, an action logged or changed on it) or must forget (a withdrawal), written in the transaction of the
-- write. Partners sync it with a cursor (PartnerSync): rows are read in (tx, seq) order and only once every
-- transaction with a smaller id has ended (tx < xmin of the reader's snapshot), so a row never appears behind a
-- cursor already handed out: no gap, no duplicate, whatever commits in between.
CREATE TABLE partner_change (
    seq           BIGSERIAL     PRIMARY KEY,
    tx            XID8          NOT NULL DEFAULT pg_current_xact_id(),
    organisation  VARCHAR(20)   NOT NULL,
    change_type   VARCHAR(40)   NOT NULL,
    case_id       UUID          NOT NULL,
    subject       UUID          NOT NULL,
    payload       JSONB         NOT NULL,
    changed_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX partner_change_cursor ON partner_change (organisation, tx, seq);

-- Partner feeds (PartnerFeeds, fed by dcis.cooperation.v1): the organisation each case was last released to, so
-- that a change ending the release is announced as a withdrawal, and the actions of released cases are forwarded.
CREATE TABLE partner_feed_case (
    case_id       UUID          PRIMARY KEY,
    released_to   VARCHAR(20),
    version       BIGINT        NOT NULL
);

-- What partner mission systems report on their own missions (mandate extended, suspended, ended); it changes no
-- case by itself.
CREATE TABLE mission_report (
    id            UUID          PRIMARY KEY,
    mission_code  VARCHAR(40)   NOT NULL REFERENCES mission (code),
    organisation  VARCHAR(20)   NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    effective_on  DATE          NOT NULL,
    note          VARCHAR(2000),
    reported_by   VARCHAR(200)  NOT NULL,
    reported_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX mission_report_mission ON mission_report (mission_code, reported_at);
