package org.dcis.cooperation.shared;

/** The caller edited an older version than the stored one (412). */
public class StaleVersion extends DomainException {
    public StaleVersion(long expected, long actual) {
        super("If-Match names version " + expected + " but the current version is " + actual);
    }
}
