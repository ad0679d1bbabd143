-- Registry of posts abroad: posts, their coverage (with history) and officer assignments.
-- Countries are not stored: they come from ICU's ISO 3166-1 data at start, so codes are checked in code.
-- The outbox, idempotency keys and audit trail are the platform's tables (db/platform, versions 0.x).

CREATE TABLE post (
    id             VARCHAR(48)  PRIMARY KEY,
    host_country   CHAR(2)      NOT NULL,
    city           VARCHAR(120) NOT NULL,
    embassy        VARCHAR(200) NOT NULL,
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'SUSPENDED', 'CLOSED')),
    opened_on      DATE         NOT NULL,
    closed_on      DATE,
    contact_email  VARCHAR(200),
    contact_phone  VARCHAR(40),
    version        BIGINT       NOT NULL,
    CHECK (closed_on IS NULL OR closed_on >= opened_on),
    CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL))
);
CREATE INDEX post_host_country ON post (host_country);

-- One row per period during which a post covered a country: [valid_from, valid_to), open-ended while current.
CREATE TABLE coverage_period (
    id             BIGSERIAL    PRIMARY KEY,
    post_id        VARCHAR(48)  NOT NULL REFERENCES post (id),
    country_code   CHAR(2)      NOT NULL,
    valid_from     DATE         NOT NULL,
    valid_to       DATE,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- Second line of defence behind the domain rule: a country has at most one current covering post.
CREATE UNIQUE INDEX coverage_one_current_post ON coverage_period (country_code) WHERE valid_to IS NULL;
CREATE INDEX coverage_by_post ON coverage_period (post_id);
CREATE INDEX coverage_by_country ON coverage_period (country_code, valid_from);

CREATE TABLE officer (
    id             VARCHAR(32)  PRIMARY KEY,
    force          VARCHAR(32)  NOT NULL CHECK (force IN ('POLICE_NATIONALE', 'GENDARMERIE_NATIONALE')),
    rank           VARCHAR(80)  NOT NULL,
    given_name     VARCHAR(100) NOT NULL,
    family_name    VARCHAR(100) NOT NULL,
    specialities   VARCHAR(300) NOT NULL DEFAULT ''
);

CREATE TABLE assignment (
    id             UUID         PRIMARY KEY,
    officer_id     VARCHAR(32)  NOT NULL REFERENCES officer (id),
    post_id        VARCHAR(48)  NOT NULL REFERENCES post (id),
    role           VARCHAR(32)  NOT NULL,
    starts_on      DATE         NOT NULL,
    ends_on        DATE,
    version        BIGINT       NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
-- Second line of defence: an officer has at most one current (open-ended) assignment.
CREATE UNIQUE INDEX assignment_one_current_per_officer ON assignment (officer_id) WHERE ends_on IS NULL;
CREATE INDEX assignment_by_post ON assignment (post_id);
