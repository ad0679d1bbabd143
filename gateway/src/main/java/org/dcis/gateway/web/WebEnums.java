package org.dcis.gateway.web;

import java.util.List;

import io.quarkus.qute.TemplateExtension;

/**
 * The closed lists the forms offer ({enums:themes} in templates). They mirror the services' enums (the services
 * stay the judges: a value they do not know comes back as a 400 naming the field); WebEnumsTest keeps both
 * languages labelled for each.
 */
@TemplateExtension(namespace = "enums")
public final class WebEnums {
    public static final List<String> THEMES = List.of("DRUG_TRAFFICKING", "ARMS_TRAFFICKING", "CYBERCRIME", "TERRORISM",
            "ORGANISED_CRIME", "IRREGULAR_IMMIGRATION", "EXPERTISE_EXPORT");
    public static final List<String> KINDS = List.of("OPERATIONAL", "TECHNICAL", "INSTITUTIONAL");
    public static final List<String> TYPES = List.of("TRAINING", "EXPERT_MISSION", "JOINT_OPERATION",
            "INFORMATION_EXCHANGE", "EQUIPMENT_DONATION", "STUDY_VISIT", "INSTITUTIONAL_MEETING", "CONFERENCE",
            "AUDIT_AND_ADVICE", "OTHER");
    public static final List<String> FRAMEWORKS = List.of("BILATERAL", "MULTILATERAL");
    public static final List<String> ORGANISATIONS = List.of("EU", "UN");
    public static final List<String> CONTINENTS = List.of("Africa", "Americas", "Asia", "Europe", "Oceania");
    public static final List<String> STATUSES = List.of("OPEN", "CLOSED", "PLANNED", "IN_PROGRESS", "COMPLETED",
            "CANCELLED");
    public static final List<String> ACTION_STATUSES = List.of("PLANNED", "IN_PROGRESS", "COMPLETED", "CANCELLED");
    public static final List<String> INDICATORS = List.of("PERSONS_TRAINED", "SEIZURE", "ARRESTS",
            "NETWORKS_DISMANTLED", "PROCEDURES_OPENED", "VICTIMS_IDENTIFIED", "EQUIPMENT_DELIVERED",
            "DOCUMENTS_PRODUCED", "OTHER");
    public static final List<String> HANDLINGS = List.of("INTERNAL", "RESTRICTED");
    /** posts-service's lists, for the registry pages. */
    public static final List<String> POST_STATUSES = List.of("OPEN", "SUSPENDED", "CLOSED");
    public static final List<String> FORCES = List.of("POLICE_NATIONALE", "GENDARMERIE_NATIONALE");
    public static final List<String> ROLES = List.of("HEAD_OF_SERVICE", "DEPUTY", "LIAISON_OFFICER", "TECHNICAL_EXPERT");
    /** What a registry form reports done (?done=...), each with its label reg_done_*. */
    public static final List<String> REGISTRY_DONE = List.of("opened", "coverage", "suspended", "reopened", "closed",
            "assigned", "ended");

    private WebEnums() {
    }

    static List<String> themes() {
        return THEMES;
    }

    static List<String> kinds() {
        return KINDS;
    }

    static List<String> types() {
        return TYPES;
    }

    static List<String> frameworks() {
        return FRAMEWORKS;
    }

    static List<String> organisations() {
        return ORGANISATIONS;
    }

    static List<String> continents() {
        return CONTINENTS;
    }

    static List<String> statuses() {
        return STATUSES;
    }

    static List<String> actionStatuses() {
        return ACTION_STATUSES;
    }

    static List<String> indicators() {
        return INDICATORS;
    }

    static List<String> handlings() {
        return HANDLINGS;
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

    static List<String> registryDone() {
        return REGISTRY_DONE;
    }
}
