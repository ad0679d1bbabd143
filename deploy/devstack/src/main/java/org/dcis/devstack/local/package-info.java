/**
 * The local stack: the whole suite (PostgreSQL, Kafka, Keycloak and the three services) on one machine,
 * started by {@code deploy/local/run} and ended by {@code deploy/local/stop}. The servers run detached,
 * so they outlive the launcher; PID files under {@code .devstack/pids} let a later command find them
 * again, and identify them by start time so a recycled PID is never signalled.
 */
package org.dcis.devstack.local;
