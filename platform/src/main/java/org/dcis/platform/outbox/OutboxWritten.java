package org.dcis.platform.outbox;

/** Fired inside the writing transaction; the relay observes it after commit to send without waiting. */
public record OutboxWritten() {
}
