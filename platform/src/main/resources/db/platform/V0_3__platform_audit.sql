-- Every write: who (token subject, username, post), when, on what, and the change (before/after).
CREATE TABLE audit_record (
    id           BIGSERIAL     PRIMARY KEY,
    subject      VARCHAR(200)  NOT NULL,
    username     VARCHAR(200),
    post_id      VARCHAR(48),
    at           TIMESTAMPTZ   NOT NULL,
    operation    VARCHAR(60)   NOT NULL,
    target_type  VARCHAR(30)   NOT NULL,
    target_id    VARCHAR(100)  NOT NULL,
    change       TEXT          NOT NULL
);
CREATE INDEX audit_record_target ON audit_record (target_type, target_id);
CREATE INDEX audit_record_at ON audit_record (at);
