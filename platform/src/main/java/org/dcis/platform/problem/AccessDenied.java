package org.dcis.platform.problem;

import java.util.List;

/** The caller is known but may not do this (403); the message says why when that helps and leaks nothing. */
public class AccessDenied extends DomainException {
    public AccessDenied(String message) {
        super(message, List.of());
    }

    @Override
    public ProblemType type() {
        return ProblemType.FORBIDDEN;
    }
}
