package org.dcis.cooperation.web;

import jakarta.ws.rs.core.EntityTag;

import org.dcis.cooperation.shared.InvalidParameter;

/** ETag / If-Match as versions: {@code ETag: "<version>"}. */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an update names in If-Match; a missing header is a 428. */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("If-Match", "must be an ETag returned by this service, like \"3\"");
        }
    }

    /** Update without If-Match (428). */
    public static class PreconditionRequired extends RuntimeException {
        PreconditionRequired() {
            super("updates require If-Match with the ETag of the version being changed");
        }
    }
}
