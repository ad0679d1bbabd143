package org.dcis.cooperation.actions;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.platform.problem.ConstraintMessages;
import org.dcis.platform.problem.DomainException;
import org.dcis.platform.problem.RuleViolation;

/** The action table's constraints, as the rule the domain checks first (CooperationAction): an action never ends before it starts. */
@ApplicationScoped
public class ActionConstraints implements ConstraintMessages {
    @Override
    public Optional<DomainException> refusal(String constraintName) {
        if ("cooperation_action_actual_dates".equals(constraintName)) {
            return Optional.of(new RuleViolation("actualEnd", "an action cannot end before it starts"));
        }
        return Optional.empty();
    }
}
