-- Platform tables (org.dcis.platform), shared in shape by every service database. Their versions are
-- 0.x so that they run before a service's own V1..n; the service lists db/platform in quarkus.flyway.locations.

-- Transactional outbox: written in the same transaction as the change it announces, relayed to Kafka
-- in id order by a single active relay (advisory lock), then marked sent.
CREATE TABLE outbox_event (
    id             BIGSERIAL    PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    topic          VARCHAR(100) NOT NULL,
    event_key      VARCHAR(100) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
