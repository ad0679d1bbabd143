package org.dcis.gateway.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The officer forms as the services' request records (CaseTerms, ActionTerms, StatusChange, CaseClosure), and back.
 * Form fields carry the JSON paths of the records, so a violation names its field. What the user typed is sent as
 * typed (numbers as numbers when they read as one, anything else as text): the service judges and names the field.
 */
final class OfficerBodies {
    /** Every organisation the case API knows (releasableTo, organisation). */
    static final List<String> ORGANISATIONS = List.of("EU", "UN", "INTERPOL", "EUROPOL", "AU", "OSCE", "ECOWAS",
            "AMERIPOL", "AFRIPOL");
    static final List<String> CASE_FIELDS = List.of("title", "summary", "framework", "partnerCountry", "organisation",
            "mission", "themes", "handling", "releasableTo", "countries", "openedOn", "expectedReturn");
    static final List<String> ACTION_FIELDS = List.of("kind", "type", "title", "description", "plannedStart",
            "plannedEnd", "actualStart", "actualEnd", "place", "place.country", "place.city", "participants",
            "participants.frenchExperts", "participants.partnerOfficersInvolved", "participants.partnerOfficersTrained",
            "participants.partnerAgencies", "outcomes", "outcomes.indicator", "outcomes.quantity", "outcomes.unit",
            "outcomes.note");
    static final List<String> OUTCOME_PARTS = List.of("indicator", "quantity", "unit", "note");
    static final int OUTCOME_LINES = 3;
    /** The date fields of the action form: planned on logging, actual too on revision (the status moves set them). */
    static final List<String> LOG_DATES = List.of("plannedStart", "plannedEnd");
    static final List<String> REVISION_DATES = List.of("plannedStart", "plannedEnd", "actualStart", "actualEnd");
    static final List<String> PARTICIPANT_COUNTS = List.of("frenchExperts", "partnerOfficersInvolved",
            "partnerOfficersTrained");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,9})?");
    private static final Pattern OUTCOME = Pattern.compile("^outcomes\\[(\\d+)\\](.*)$");

    private OfficerBodies() {
    }

    /** A body and, for an action, which form line each sent outcome came from (empty lines are left out). */
    record Body(ObjectNode json, List<Integer> outcomeLines) {
        /** The service's violations with outcome indexes turned back into the form's lines. */
        Map<String, String> violations(Map<String, String> violations) {
            Map<String, String> mapped = new LinkedHashMap<>();
            violations.forEach((field, message) -> {
                Matcher m = OUTCOME.matcher(field);
                if (m.matches() && Integer.parseInt(m.group(1)) < outcomeLines.size()) {
                    field = "outcomes[" + outcomeLines.get(Integer.parseInt(m.group(1))) + "]" + m.group(2);
                }
                mapped.merge(field, message, (a, b) -> a + "; " + b);
            });
            return mapped;
        }
    }

    static Body caseTerms(ObjectMapper json, Map<String, String> f, MultivaluedMap<String, String> form, String post) {
        ObjectNode body = json.createObjectNode();
        for (String name : List.of("title", "summary", "framework", "partnerCountry", "organisation", "mission",
                "handling", "openedOn", "expectedReturn")) {
            text(body, name, f.get(name));
        }
        body.put("leadPost", post);
        ArrayNode themes = body.putArray("themes");
        list(form, "themes").forEach(themes::add);
        List<String> releasable = list(form, "releasableTo");
        if (!releasable.isEmpty()) {
            ArrayNode to = body.putArray("releasableTo");
            releasable.forEach(to::add);
        }
        List<String> countries = codes(f.get("countries"));
        if (!countries.isEmpty()) {
            ArrayNode list = body.putArray("countries");
            countries.forEach(list::add);
        }
        return new Body(body, List.of());
    }

    static Body actionTerms(ObjectMapper json, Map<String, String> f) {
        ObjectNode body = json.createObjectNode();
        for (String name : List.of("kind", "type", "title", "description", "plannedStart", "plannedEnd", "actualStart",
                "actualEnd")) {
            text(body, name, f.get(name));
        }
        ObjectNode place = body.putObject("place");
        text(place, "country", f.get("place.country"));
        text(place, "city", f.get("place.city"));
        ObjectNode participants = json.createObjectNode();
        for (String name : List.of("frenchExperts", "partnerOfficersInvolved", "partnerOfficersTrained")) {
            number(participants, name, f.get("participants." + name));
        }
        text(participants, "partnerAgencies", f.get("participants.partnerAgencies"));
        if (!participants.isEmpty()) {
            body.set("participants", participants);
        }
        List<Integer> lines = new ArrayList<>();
        ArrayNode outcomes = json.createArrayNode();
        for (int line = 0; line < 50; line++) {
            String prefix = "outcomes[" + line + "].";
            if (OUTCOME_PARTS.stream().noneMatch(part -> f.containsKey(prefix + part))) {
                continue;
            }
            ObjectNode outcome = outcomes.addObject();
            text(outcome, "indicator", f.get(prefix + "indicator"));
            number(outcome, "quantity", f.get(prefix + "quantity"));
            text(outcome, "unit", f.get(prefix + "unit"));
            text(outcome, "note", f.get(prefix + "note"));
            lines.add(line);
        }
        if (!outcomes.isEmpty()) {
            body.set("outcomes", outcomes);
        }
        return new Body(body, lines);
    }

    static ObjectNode statusChange(ObjectMapper json, Map<String, String> f) {
        ObjectNode body = json.createObjectNode();
        text(body, "status", f.get("status"));
        text(body, "reason", f.get("reason"));
        text(body, "on", f.get("on"));
        return body;
    }

    static ObjectNode closure(ObjectMapper json, Map<String, String> f) {
        ObjectNode body = json.createObjectNode();
        text(body, "closedOn", f.get("closedOn"));
        text(body, "result", f.get("result"));
        return body;
    }

    /** A stored action as the form's fields, for the revision form. */
    static Map<String, String> actionValues(JsonNode action) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("kind", "type", "title", "description", "plannedStart", "plannedEnd", "actualStart",
                "actualEnd")) {
            put(values, name, action.path(name));
        }
        put(values, "place.country", action.path("place").path("country"));
        put(values, "place.city", action.path("place").path("city"));
        action.path("participants").fields().forEachRemaining(e -> put(values, "participants." + e.getKey(), e.getValue()));
        int line = 0;
        for (JsonNode outcome : action.path("outcomes")) {
            for (String part : OUTCOME_PARTS) {
                put(values, "outcomes[" + line + "]." + part, outcome.path(part));
            }
            line++;
        }
        return values;
    }

    /** The outcome lines a form shows: the filled ones and at least one empty, {@value #OUTCOME_LINES} at least. */
    static List<Map<String, String>> outcomeLines(Map<String, String> values) {
        int filled = 0;
        for (String name : values.keySet()) {
            Matcher m = OUTCOME.matcher(name);
            if (m.matches()) {
                filled = Math.max(filled, Integer.parseInt(m.group(1)) + 1);
            }
        }
        int count = Math.min(50, Math.max(OUTCOME_LINES, filled + 1));
        List<Map<String, String>> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(Map.of("i", Integer.toString(i), "n", Integer.toString(i + 1), "p", "outcomes[" + i + "]."));
        }
        return lines;
    }

    static List<String> list(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    /** Country codes typed as "SN, ML GM": the list the API takes. */
    static List<String> codes(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return List.of(typed.strip().split("[,;\\s]+"));
    }

    private static void put(Map<String, String> values, String name, JsonNode node) {
        if (node != null && !node.isNull() && !node.isMissingNode() && !node.asText().isEmpty()) {
            values.put(name, node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText());
        }
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }

    private static void number(ObjectNode node, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String typed = value.replace(',', '.').replace(" ", "");
        if (NUMBER.matcher(typed).matches()) {
            node.put(name, new java.math.BigDecimal(typed));
        } else {
            node.put(name, value);
        }
    }
}
