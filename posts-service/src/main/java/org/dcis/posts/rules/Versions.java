package org.dcis.posts.rules;

/** Optimistic locking: an update names the version it was based on (the {@code If-Match} ETag). */
public final class Versions {
    private Versions() {
    }

    /** @param expected the version from If-Match, or null when the header was missing */
    public static void require(String what, Long expected, long current) {
        if (expected == null) {
            throw new RegistryException(RegistryException.Kind.VERSION_REQUIRED,
                    "Updating " + what + " needs If-Match with its current ETag (\"" + current + "\")");
        }
        if (expected != current) {
            throw RegistryException.stale(what, current);
        }
    }
}
