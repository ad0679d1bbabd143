-- Local directory of posts, fed only by dcis.posts.v1 (event-carried state transfer): the snapshot
-- with the highest version wins, so a replay or an out-of-order redelivery changes nothing.
CREATE TABLE directory_post (
    id             VARCHAR(40)   PRIMARY KEY,
    host_country   VARCHAR(2)    NOT NULL,
    city           VARCHAR(120),
    embassy        VARCHAR(200),
    status         VARCHAR(20)   NOT NULL,
    opened_on      DATE,
    closed_on      DATE,
    coverage       VARCHAR(2)[]  NOT NULL,
    officer_count  INTEGER       NOT NULL DEFAULT 0,
    version        BIGINT        NOT NULL,
    last_event_id  VARCHAR(200)  NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL
);

-- Ids of the events already applied (CloudEvents identity is source + id), written in the same
-- transaction as the directory change.
CREATE TABLE processed_event (
    source        VARCHAR(200) NOT NULL,
    event_id      VARCHAR(200) NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (source, event_id)
);

CREATE TABLE mission (
    code            VARCHAR(40)   PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    organisation    VARCHAR(20)   NOT NULL,
    host_countries  VARCHAR(2)[]  NOT NULL,
    starts_on       DATE          NOT NULL,
    ends_on         DATE,
    version         BIGINT        NOT NULL DEFAULT 1,
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE TABLE cooperation_case (
    id               UUID          PRIMARY KEY,
    title            VARCHAR(200)  NOT NULL,
    summary          VARCHAR(4000),
    framework        VARCHAR(20)   NOT NULL,
    partner_country  VARCHAR(2),
    organisation     VARCHAR(20),
    mission_code     VARCHAR(40)   REFERENCES mission (code),
    themes           VARCHAR(40)[] NOT NULL,
    speciality       VARCHAR(40),
    lead_post        VARCHAR(40)   NOT NULL,
    countries        VARCHAR(2)[]  NOT NULL,
    handling         VARCHAR(20)   NOT NULL,
    releasable_to    VARCHAR(20)[] NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    opened_on        DATE          NOT NULL,
    closed_on        DATE,
    expected_return  VARCHAR(1000),
    created_by       VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    version          BIGINT        NOT NULL,
    CHECK ((framework = 'BILATERAL' AND partner_country IS NOT NULL AND organisation IS NULL AND mission_code IS NULL)
        OR (framework = 'MULTILATERAL' AND organisation IS NOT NULL AND partner_country IS NULL)),
    CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX cooperation_case_lead_post ON cooperation_case (lead_post);
CREATE INDEX cooperation_case_opened_on ON cooperation_case (opened_on);

CREATE TABLE cooperation_action (
    id                         UUID          PRIMARY KEY,
    case_id                    UUID          NOT NULL REFERENCES cooperation_case (id),
    kind                       VARCHAR(20)   NOT NULL,
    type                       VARCHAR(40)   NOT NULL,
    title                      VARCHAR(200)  NOT NULL,
    description                VARCHAR(4000),
    planned_start              DATE          NOT NULL,
    planned_end                DATE,
    actual_start               DATE,
    actual_end                 DATE,
    place_country              VARCHAR(2)    NOT NULL,
    place_city                 VARCHAR(120),
    french_experts             INTEGER       NOT NULL DEFAULT 0 CHECK (french_experts >= 0),
    partner_officers_involved  INTEGER       NOT NULL DEFAULT 0 CHECK (partner_officers_involved >= 0),
    partner_officers_trained   INTEGER       NOT NULL DEFAULT 0 CHECK (partner_officers_trained >= 0),
    partner_agencies           VARCHAR(500),
    outcomes                   TEXT          NOT NULL DEFAULT '[]',
    status                     VARCHAR(20)   NOT NULL,
    cancellation_reason        VARCHAR(1000),
    created_by                 VARCHAR(200)  NOT NULL,
    created_at                 TIMESTAMPTZ   NOT NULL,
    updated_at                 TIMESTAMPTZ   NOT NULL,
    version                    BIGINT        NOT NULL,
    CHECK (planned_end IS NULL OR planned_end >= planned_start),
    CHECK (status <> 'CANCELLED' OR cancellation_reason IS NOT NULL)
);
CREATE INDEX cooperation_action_case ON cooperation_action (case_id);

-- outbox_event, idempotency_key and audit_record are the platform's (db/platform V0_1..V0_3).
