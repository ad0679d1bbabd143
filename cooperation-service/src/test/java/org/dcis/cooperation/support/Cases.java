package org.dcis.cooperation.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for cases and actions, as plain maps so tests can break them at will. */
public final class Cases {
    private Cases() {
    }

    public static Map<String, Object> bilateral(String title, String leadPost, String partner) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("summary", "Support to the partner's judicial police");
        body.put("framework", "BILATERAL");
        body.put("partnerCountry", partner);
        body.put("themes", List.of("DRUG_TRAFFICKING"));
        body.put("leadPost", leadPost);
        body.put("countries", List.of());
        body.put("handling", "INTERNAL");
        body.put("releasableTo", List.of());
        body.put("openedOn", "2025-01-15");
        body.put("expectedReturn", "Fewer shipments reaching France");
        return body;
    }

    /** A multilateral case led by SN-DAKAR within {@code organisation} (and {@code mission}, if given). */
    public static Map<String, Object> multilateral(String title, String organisation, String mission, String handling,
            List<String> releasableTo) {
        Map<String, Object> body = bilateral(title, "SN-DAKAR", null);
        body.put("framework", "MULTILATERAL");
        body.remove("partnerCountry");
        body.put("organisation", organisation);
        if (mission != null) {
            body.put("mission", mission);
        }
        body.put("countries", List.of("ML", "SN"));
        body.put("handling", handling);
        body.put("releasableTo", releasableTo);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    public static Map<String, Object> action(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "TECHNICAL");
        body.put("type", "TRAINING");
        body.put("title", title);
        body.put("description", "Boarding procedures and evidence handling at sea");
        body.put("plannedStart", "2025-03-03");
        body.put("plannedEnd", "2025-03-07");
        body.put("place", Map.of("country", "CV", "city", "Praia"));
        body.put("participants", Map.of("frenchExperts", 2, "partnerOfficersInvolved", 3, "partnerOfficersTrained", 18));
        body.put("outcomes", List.of(Map.of("indicator", "PERSONS_TRAINED", "quantity", 18),
                Map.of("indicator", "SEIZURE", "quantity", 1.2, "unit", "t")));
        return body;
    }
}
