package org.dcis.posts.web;

import org.dcis.posts.rules.RegistryException;

import jakarta.ws.rs.core.EntityTag;

/** ETags are the aggregate's version, quoted: {@code "7"}. */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version named by If-Match, or null when the header is absent (the domain answers 428). */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw RegistryException.invalid("If-Match", "If-Match must be an ETag of this API such as \"3\"");
        }
    }
}
