package org.dcis.platform.problem;

import java.util.List;

/** A parameter, header or field the service cannot read (400), named. */
public class InvalidParameter extends DomainException {
    public InvalidParameter(String field, String message) {
        super(field + ": " + message, List.of(new Violation(field, message)));
    }

    public InvalidParameter(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid", violations);
    }

    @Override
    public ProblemType type() {
        return ProblemType.VALIDATION;
    }
}
