package org.dcis.gateway.web;

import java.util.List;

import io.quarkus.qute.TemplateExtension;

/**
 * The closed lists of posts-service the registry pages show or offer ({registry:roles} in templates): mirrors of its
 * enums (the service stays the judge). Typed, so that {labels:message('reg_role_' + r)} is checked at build time.
 */
@TemplateExtension(namespace = "registry")
public final class RegistryEnums {
    public static final List<String> POST_STATUSES = List.of("OPEN", "SUSPENDED", "CLOSED");
    public static final List<String> FORCES = List.of("POLICE_NATIONALE", "GENDARMERIE_NATIONALE");
    public static final List<String> ROLES = List.of("HEAD_OF_SERVICE", "DEPUTY", "LIAISON_OFFICER", "TECHNICAL_EXPERT");
    public static final List<String> DONE = List.of("opened", "coverage", "suspended", "reopened", "closed", "assigned",
            "ended");

    private RegistryEnums() {
    }

    static List<String> postStatuses() {
        return POST_STATUSES;
    }

    static List<String> forces() {
        return FORCES;
    }

    static List<String> roles() {
        return ROLES;
    }

    static List<String> done() {
        return DONE;
    }
}
