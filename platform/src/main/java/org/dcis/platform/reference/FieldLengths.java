package org.dcis.platform.reference;

/**
 * The lengths of the fields that cross a service boundary, once for the whole suite: the producer validates
 * and stores with them, every consumer stores with them, so whatever one service accepts, the others can keep.
 * Each service checks its database columns against these constants in a test (information_schema), so a
 * migration that narrows a column, or a constant that grows without a migration, fails the build.
 */
public final class FieldLengths {
    /** A post id of the registry, e.g. {@code SN-DAKAR} ({@link PostIds}). */
    public static final int POST_ID = 48;
    /** An ISO 3166-1 alpha-2 country code: a post's host country, the countries it covers. */
    public static final int COUNTRY_CODE = 2;
    /** The city of a post. */
    public static final int CITY = 120;
    /** The embassy a post belongs to. */
    public static final int EMBASSY = 200;
    /** A post's status as posts-service stores it ({@code OPEN}, {@code SUSPENDED}, {@code CLOSED}). */
    public static final int POST_STATUS = 16;
    /** A token subject (Keycloak user id or client id), as audit records and idempotency keys keep it. */
    public static final int SUBJECT = 200;
    /** A CloudEvents {@code id}, as consumers record the events they processed. */
    public static final int EVENT_ID = 200;
    /** A CloudEvents {@code source}. */
    public static final int EVENT_SOURCE = 200;
    /** A CloudEvents {@code type}. */
    public static final int EVENT_TYPE = 100;

    private FieldLengths() {
    }
}
