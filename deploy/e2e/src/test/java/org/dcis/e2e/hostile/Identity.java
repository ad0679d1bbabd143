package org.dcis.e2e.hostile;

import java.util.List;
import java.util.function.Supplier;

/**
 * Who a hostile request claims to be: a demo user or a mission system with a real token of its role, nobody
 * at all, or a bearer value that is not a token.
 */
record Identity(String name, String role, Supplier<String> authorization) {
    static final String ANONYMOUS = "anonymous";

    /** The Authorization header value, or null for none. */
    String header() {
        return authorization.get();
    }

    boolean authenticated() {
        return role != null;
    }

    static Identity user(String username, String role) {
        return new Identity(username, role, () -> "Bearer " + Stacks.userToken(username));
    }

    static Identity client(String clientId, String secret, String role) {
        return new Identity(clientId, role, () -> "Bearer " + Stacks.clientToken(clientId, secret));
    }

    /**
     * Every caller of the realm's demo set, one per role (two officers: one of the post the fixtures belong
     * to, one of another post), both mission systems, nobody, and a bearer value that is no JWT at all.
     */
    static List<Identity> all() {
        return List.of(
                user("officer.dakar", "officer"),
                user("analyst.hq", "hq-analyst"),
                user("admin.registry", "registry-admin"),
                user("partner.eu", "partner-eu"),
                user("partner.un", "partner-un"),
                user("officer.bogota", "officer"),
                client("eu-mission-system", "eu-mission-secret", "partner-eu"),
                client("un-mission-system", "un-mission-secret", "partner-un"),
                new Identity(ANONYMOUS, null, () -> null),
                new Identity("not-a-token", null, () -> "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
    }

    /** The demo user that speaks for a role of an operation's security requirement. */
    static String userOf(String role) {
        return switch (role) {
            case "officer" -> "officer.dakar";
            case "hq-analyst" -> "analyst.hq";
            case "registry-admin" -> "admin.registry";
            case "partner-eu" -> "partner.eu";
            case "partner-un" -> "partner.un";
            default -> null;
        };
    }
}
