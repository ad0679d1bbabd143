package org.dcis.cooperation.shared;

import java.util.List;

/** A well-formed request that breaks a domain rule (422), with the fields concerned. */
public class RuleViolation extends DomainException {
    private final List<Violation> violations;

    public RuleViolation(String field, String message) {
        super(message);
        this.violations = List.of(new Violation(field, message));
    }

    public List<Violation> violations() {
        return violations;
    }
}
