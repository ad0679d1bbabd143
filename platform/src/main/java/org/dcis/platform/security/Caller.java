package org.dcis.platform.security;

import java.util.Set;

/**
 * Who is calling, as proven by the access token: subject, username, roles and (for officers) the post of
 * the {@code post_id} claim. Never built from a header or a body.
 */
public record Caller(String subject, String username, String postId, Set<String> roles) {
    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** An officer is bound to a post; an officer token without {@code post_id} is no officer at all. */
    public boolean isOfficer() {
        return has(Roles.OFFICER) && postId != null && !postId.isBlank();
    }

    public boolean isAnalyst() {
        return has(Roles.HQ_ANALYST);
    }

    public boolean isRegistryAdmin() {
        return has(Roles.REGISTRY_ADMIN);
    }
}
