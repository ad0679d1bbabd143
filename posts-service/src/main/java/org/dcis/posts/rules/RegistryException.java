package org.dcis.posts.rules;

import java.util.List;

/**
 * A request the registry refuses. The kind says how a caller should react (fix the input, reload,
 * pick another country...); the web layer turns each kind into its HTTP status.
 */
public class RegistryException extends RuntimeException {
    public enum Kind {
        /** Malformed or unknown values (unknown country code, bad enum). */
        INVALID,
        /** Well-formed input that breaks a domain rule (end before start, illegal status change). */
        RULE_BROKEN,
        NOT_FOUND,
        CONFLICT,
        STALE_VERSION,
        VERSION_REQUIRED
    }

    private final Kind kind;
    private final List<FieldViolation> violations;

    public RegistryException(Kind kind, String message, List<FieldViolation> violations) {
        super(message);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public RegistryException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public static RegistryException invalid(String field, String message) {
        return new RegistryException(Kind.INVALID, message, List.of(new FieldViolation(field, message)));
    }

    public static RegistryException invalid(List<FieldViolation> violations) {
        return new RegistryException(Kind.INVALID, violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " fields are invalid", violations);
    }

    public static RegistryException rule(String field, String message) {
        return new RegistryException(Kind.RULE_BROKEN, message, List.of(new FieldViolation(field, message)));
    }

    public static RegistryException notFound(String message) {
        return new RegistryException(Kind.NOT_FOUND, message);
    }

    public static RegistryException conflict(String field, String message) {
        return new RegistryException(Kind.CONFLICT, message,
                field == null ? List.of() : List.of(new FieldViolation(field, message)));
    }

    public static RegistryException stale(String what, long current) {
        return new RegistryException(Kind.STALE_VERSION,
                what + " has changed: its version is now " + current + "; reload it and retry");
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
