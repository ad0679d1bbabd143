package org.dcis.cooperation.shared;

/** The result of a create; {@code replayed} when an Idempotency-Key named an earlier, identical create. */
public record Created<T>(T value, boolean replayed) {
}
