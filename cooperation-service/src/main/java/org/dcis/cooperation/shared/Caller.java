package org.dcis.cooperation.shared;

import java.util.Set;

/**
 * Who is calling, as proven by the access token: subject, username, roles and (for officers) the post of
 * the {@code post_id} claim. Never built from a header or a body.
 */
public record Caller(String subject, String username, String postId, Set<String> roles) {
    public static final String OFFICER = "officer";
    public static final String HQ_ANALYST = "hq-analyst";
    public static final String REGISTRY_ADMIN = "registry-admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isOfficer() {
        return roles.contains(OFFICER) && postId != null && !postId.isBlank();
    }

    public boolean isAnalyst() {
        return roles.contains(HQ_ANALYST);
    }

    public boolean isRegistryAdmin() {
        return roles.contains(REGISTRY_ADMIN);
    }

    /** Officers write only for the post of their token; everybody else never writes cases or actions. */
    public void requireWriterFor(String post) {
        if (!isOfficer()) {
            throw new AccessDenied("only officers write cases and actions");
        }
        if (!postId.equals(post)) {
            throw new AccessDenied("officers of " + postId + " write only cases of their own post, not of " + post);
        }
    }

    public void requireRegistryAdmin() {
        if (!isRegistryAdmin()) {
            throw new AccessDenied("only registry administrators manage missions");
        }
    }
}
