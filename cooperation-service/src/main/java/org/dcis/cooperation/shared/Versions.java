package org.dcis.cooperation.shared;

/** Optimistic locking: the caller's If-Match version must equal the stored one. */
public final class Versions {
    private Versions() {
    }

    public static void require(long expected, long actual) {
        if (expected != actual) {
            throw new StaleVersion(expected, actual);
        }
    }
}
