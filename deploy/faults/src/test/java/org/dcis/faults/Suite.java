package org.dcis.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads of the suite's public API (through the gateway) that the scenarios check their counts against. */
final class Suite {
    private Suite() {
    }

    /** A tag unique to one scenario run, carried by every title or id it writes, so that its data are found again. */
    static String tag(String scenario) {
        return "F" + scenario.toUpperCase(Locale.ROOT) + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

    /** Every item of a list, page after page (size 200, the maximum), through the gateway. */
    static List<JsonNode> listAll(String pathAndQuery, String username) {
        List<JsonNode> items = new ArrayList<>();
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        for (int page = 0; page < 1000; page++) {
            Http.Answer answer = Http.get(FaultStack.get().gateway() + pathAndQuery + separator + "size=200&page=" + page,
                    Tokens.of(username));
            if (!answer.ok()) {
                throw new AssertionError("listing " + pathAndQuery + " failed: " + answer.brief());
            }
            JsonNode json = answer.json();
            json.path("items").forEach(items::add);
            if (json.path("items").isEmpty() || items.size() >= json.path("total").asLong()) {
                return items;
            }
        }
        throw new AssertionError("listing " + pathAndQuery + " never ends");
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
