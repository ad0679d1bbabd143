package org.dcis.platform.problem;

import java.util.List;

/**
 * A refusal the caller can understand and act upon. Domain code throws the subclass that says what went
 * wrong; {@link ProblemMappers} turns each into its problem type, so no domain class knows HTTP.
 */
public abstract class DomainException extends RuntimeException {
    private final transient List<Violation> violations;

    protected DomainException(String message, List<Violation> violations) {
        super(message, null, false, false);
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public abstract ProblemType type();

    public List<Violation> violations() {
        return violations;
    }
}
