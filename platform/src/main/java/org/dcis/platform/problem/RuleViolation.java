package org.dcis.platform.problem;

import java.util.List;

/** A well-formed request that breaks a domain rule (422), with the fields concerned. */
public class RuleViolation extends DomainException {
    public RuleViolation(String field, String message) {
        super(message, List.of(new Violation(field, message)));
    }

    public RuleViolation(String message, List<Violation> violations) {
        super(message, violations);
    }

    @Override
    public ProblemType type() {
        return ProblemType.RULE_BROKEN;
    }
}
