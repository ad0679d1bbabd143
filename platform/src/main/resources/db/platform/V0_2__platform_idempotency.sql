-- Idempotency-Key of creates, per token subject and tied to the request (hash): the unique constraint
-- makes a concurrent retry wait for the first request and then find its result.
CREATE TABLE idempotency_key (
    subject       VARCHAR(200)  NOT NULL,
    idem_key      VARCHAR(200)  NOT NULL,
    operation     VARCHAR(60)   NOT NULL,
    request_hash  VARCHAR(64)   NOT NULL,
    resource_id   VARCHAR(100),
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_key_per_subject UNIQUE (subject, idem_key)
);
