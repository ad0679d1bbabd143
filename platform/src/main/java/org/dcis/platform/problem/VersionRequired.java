package org.dcis.platform.problem;

import java.util.List;

/** An update that does not say which version it changes (428). */
public class VersionRequired extends DomainException {
    public VersionRequired() {
        super("updates require If-Match with the ETag of the version being changed",
                List.of(new Violation("If-Match", "required")));
    }

    @Override
    public ProblemType type() {
        return ProblemType.VERSION_REQUIRED;
    }
}
