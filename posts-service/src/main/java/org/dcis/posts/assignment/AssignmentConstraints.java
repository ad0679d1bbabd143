package org.dcis.posts.assignment;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.platform.problem.Conflict;
import org.dcis.platform.problem.ConstraintMessages;
import org.dcis.platform.problem.DomainException;

import io.quarkus.arc.Unremovable;

/**
 * The assignment tables' second line of defence, read back as the refusal the domain rule would have given:
 * a concurrent request posted the same officer between this request's check and its insert.
 */
@ApplicationScoped
@Unremovable
public class AssignmentConstraints implements ConstraintMessages {
    @Override
    public Optional<DomainException> refusal(String constraintName) {
        return Optional.ofNullable(switch (constraintName) {
            case "assignment_one_current_per_officer" -> new Conflict("this officer already has a current assignment");
            case "officer_pkey" -> new Conflict(
                    "this officer was just recorded by a simultaneous request; retry to see its assignment");
            default -> null;
        });
    }
}
