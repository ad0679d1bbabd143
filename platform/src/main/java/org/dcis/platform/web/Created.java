package org.dcis.platform.web;

/** The result of a create; {@code replayed} when an Idempotency-Key named an earlier, identical create. */
public record Created<T>(T value, boolean replayed) {
}
