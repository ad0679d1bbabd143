package org.dcis.platform.problem;

import java.util.List;

/** The caller edited an older version than the stored one (412). */
public class StaleVersion extends DomainException {
    public StaleVersion(String what, long expected, long actual) {
        super(what + " was changed meanwhile: If-Match names version " + expected + " but the current version is "
                + actual + " (ETag \"" + actual + "\"); read it again", List.of());
    }

    /** A concurrent writer committed first while this request was running. */
    public StaleVersion(String message) {
        super(message, List.of());
    }

    @Override
    public ProblemType type() {
        return ProblemType.STALE_VERSION;
    }
}
