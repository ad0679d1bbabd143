-- The trace context of the request (or consumed record) that wrote an event, as W3C Trace Context: the relay sends
-- it on as the Kafka record headers traceparent / tracestate, so the consumers continue the writer's trace across
-- the outbox. Null when nothing was traced (tracing off, a write outside any request).
ALTER TABLE outbox_event
    ADD COLUMN traceparent VARCHAR(128),
    ADD COLUMN tracestate  VARCHAR(512);
