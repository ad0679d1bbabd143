package org.dcis.platform.problem;

import java.util.List;

/** Unknown resource, or one the caller may not even know exists (404). */
public class NotFound extends DomainException {
    public NotFound(String what, Object id) {
        super(what + " " + ProblemMappers.quote(String.valueOf(id)) + " not found", List.of());
    }

    /** When "what id not found" does not say it: e.g. no post covered a country on a given day. */
    public NotFound(String message) {
        super(message, List.of());
    }

    @Override
    public ProblemType type() {
        return ProblemType.NOT_FOUND;
    }
}
