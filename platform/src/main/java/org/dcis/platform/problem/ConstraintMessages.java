package org.dcis.platform.problem;

import java.util.Optional;

/**
 * A service's reading of its own database constraints: when a concurrent request wins a race that the
 * domain rule could not see, the database refuses, and this turns the constraint's name into the refusal
 * the domain rule would have given (usually a {@link Conflict} naming the field).
 */
public interface ConstraintMessages {
    Optional<DomainException> refusal(String constraintName);
}
