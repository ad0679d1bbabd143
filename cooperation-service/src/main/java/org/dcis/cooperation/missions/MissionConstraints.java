package org.dcis.cooperation.missions;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.platform.problem.Conflict;
import org.dcis.platform.problem.ConstraintMessages;
import org.dcis.platform.problem.DomainException;
import org.dcis.platform.problem.Violation;

/**
 * The mission table's constraints, as the refusal the domain rule would have given: two concurrent creations of
 * one code both find it free, and the second insert meets the primary key (a 409 naming the code, not a 500).
 */
@ApplicationScoped
public class MissionConstraints implements ConstraintMessages {
    @Override
    public Optional<DomainException> refusal(String constraintName) {
        if ("mission_pkey".equals(constraintName)) {
            return Optional.of(new Conflict("a mission with this code was created at the same time",
                    List.of(new Violation("code", "already taken"))));
        }
        return Optional.empty();
    }
}
