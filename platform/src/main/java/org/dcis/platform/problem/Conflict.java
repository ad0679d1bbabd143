package org.dcis.platform.problem;

import java.util.List;

/** The request clashes with stored state (409), optionally naming the fields concerned. */
public class Conflict extends DomainException {
    public Conflict(String message) {
        super(message, List.of());
    }

    public Conflict(String message, List<Violation> violations) {
        super(message, violations);
    }

    @Override
    public ProblemType type() {
        return ProblemType.CONFLICT;
    }
}
