package org.dcis.platform.security;

/** The realm roles of the suite (realm {@code dcis}, claim {@code realm_access.roles}). */
public final class Roles {
    public static final String OFFICER = "officer";
    public static final String HQ_ANALYST = "hq-analyst";
    public static final String REGISTRY_ADMIN = "registry-admin";
    public static final String PARTNER_EU = "partner-eu";
    public static final String PARTNER_UN = "partner-un";

    private Roles() {
    }
}
