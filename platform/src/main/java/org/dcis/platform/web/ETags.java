package org.dcis.platform.web;

import jakarta.ws.rs.core.EntityTag;

import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.problem.StaleVersion;
import org.dcis.platform.problem.VersionRequired;

/**
 * ETag / If-Match as versions: {@code ETag: "<version>"}. Every aggregate starts at version 1 and each
 * change adds one; an update names the version it was based on or is refused.
 */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an update names in If-Match: a missing header is a 428, an unreadable one a 400. */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequired();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidParameter("If-Match", "must be an ETag returned by this service, like \"3\"");
        }
    }

    /** Optimistic locking: the version named by the caller must be the stored one. */
    public static void require(String what, long expected, long current) {
        if (expected != current) {
            throw new StaleVersion(what, expected, current);
        }
    }
}
