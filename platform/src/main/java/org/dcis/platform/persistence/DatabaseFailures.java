package org.dcis.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Optional;

/**
 * What a database failure says about the future, read from the SQLSTATE of PostgreSQL (and the JDBC
 * exception types): whether the same statement could succeed later (the database is away, overloaded or
 * chose this transaction as a victim) or will always be refused (the data breaks a type or a constraint).
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    /** The database cannot be reached or cannot serve now: a later try may succeed, the data is not at fault. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") // connection exception
                        || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
                        || state.startsWith("53"))) { // insufficient resources (too many connections, disk full)
                    return true;
                }
                // Agroal: no connection could be acquired in time (the pool cannot open one)
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /** Worth trying again: unavailable, or a transaction aborted by a deadlock, a serialization failure or a lock timeout. */
    public static boolean isTransient(Throwable failure) {
        if (isUnavailable(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTransientException || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("40") || state.equals("55P03") || state.equals("57014"))) {
                return true; // rollback (serialization, deadlock), lock not available, statement cancelled
            }
        }
        return false;
    }

    /**
     * The SQLSTATE of a refusal the same data will always meet: class 22 (data exception: too long, out of
     * range, invalid text) or 23 (integrity constraint: unique, foreign key, check, not null).
     */
    public static Optional<String> dataRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        if (cause == null && t instanceof SQLException sql) {
            cause = sql.getNextException();
        }
        return cause == t ? null : cause;
    }
}
