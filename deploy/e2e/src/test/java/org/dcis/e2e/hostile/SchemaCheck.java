package org.dcis.e2e.hostile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Does a JSON value break what the OpenAPI document (and docs/conventions.md) declares? Used to decide,
 * without a hand-kept list, whether a mutated request must be refused: a value of the wrong type, outside
 * an enum, too long, out of range, a malformed date or UUID, a missing required field, or an unknown
 * field. Two readings are deliberate: {@code null} for an optional property counts as absent (the services
 * treat it so), and dates must be {@code YYYY-MM-DD} with a year from 1 to 9999 (conventions, "Dates").
 */
final class SchemaCheck {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ApiDocument document;

    SchemaCheck(ApiDocument document) {
        this.document = document;
    }

    /** The first thing wrong with the value, or null when it conforms. */
    String violation(JsonNode schemaNode, JsonNode value, String path) {
        JsonNode schema = document.resolve(schemaNode);
        if (value == null || value.isMissingNode()) {
            return null;
        }
        if (value.isNull()) {
            return schema.path("nullable").asBoolean(false) ? null : path + ": null";
        }
        JsonNode enumeration = schema.path("enum");
        if (enumeration.isArray() && enumeration.size() > 0) {
            for (JsonNode allowed : enumeration) {
                if (allowed.equals(value)) {
                    return null;
                }
            }
            return path + ": not one of the enum values";
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "string" -> {
                if (!value.isTextual()) {
                    return path + ": not a string";
                }
                return string(schema, value.asText(), path);
            }
            case "integer" -> {
                if (value.isDouble() && !Double.isFinite(value.doubleValue())) {
                    return path + ": not finite";
                }
                // JSON Schema: an integer is any number with a zero fractional part (1E2 and -0.0 included).
                if (!value.isNumber() || (!value.isIntegralNumber() && value.decimalValue().stripTrailingZeros().scale() > 0)) {
                    return path + ": not an integer";
                }
                java.math.BigInteger n = value.decimalValue().toBigInteger();
                String format = schema.path("format").asText("");
                if (format.equals("int32") && (n.bitLength() > 31)) {
                    return path + ": outside int32";
                }
                if (format.equals("int64") && (n.bitLength() > 63)) {
                    return path + ": outside int64";
                }
                return range(schema, new java.math.BigDecimal(n), path);
            }
            case "number" -> {
                if (!value.isNumber()) {
                    return path + ": not a number";
                }
                if (value.isDouble() && !Double.isFinite(value.doubleValue())) {
                    return path + ": not finite";
                }
                return range(schema, value.decimalValue(), path);
            }
            case "boolean" -> {
                return value.isBoolean() ? null : path + ": not a boolean";
            }
            case "array" -> {
                if (!value.isArray()) {
                    return path + ": not an array";
                }
                if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                    return path + ": fewer items than minItems";
                }
                if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                    return path + ": more items than maxItems";
                }
                if (schema.path("uniqueItems").asBoolean(false)) {
                    Set<JsonNode> seen = new HashSet<>();
                    for (JsonNode item : value) {
                        if (!seen.add(item)) {
                            return path + ": duplicate items";
                        }
                    }
                }
                int i = 0;
                for (JsonNode item : value) {
                    if (item.isNull()) {
                        return path + "[" + i + "]: null item";
                    }
                    String v = violation(schema.path("items"), item, path + "[" + i + "]");
                    if (v != null) {
                        return v;
                    }
                    i++;
                }
                return null;
            }
            case "object" -> {
                if (!value.isObject()) {
                    return path + ": not an object";
                }
                JsonNode properties = schema.path("properties");
                for (JsonNode required : schema.path("required")) {
                    JsonNode present = value.get(required.asText());
                    if (present == null || present.isNull()) {
                        return join(path, required.asText()) + ": required";
                    }
                }
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getValue().isNull() && !schema.path("required").toString().contains("\"" + field.getKey() + "\"")) {
                        continue; // null for an optional property reads as absent
                    }
                    if (!properties.has(field.getKey())) {
                        if (schema.path("additionalProperties").isObject()) {
                            String v = violation(schema.get("additionalProperties"), field.getValue(), join(path, field.getKey()));
                            if (v != null) {
                                return v;
                            }
                            continue;
                        }
                        return join(path, field.getKey()) + ": unknown field";
                    }
                    String v = violation(properties.get(field.getKey()), field.getValue(), join(path, field.getKey()));
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** A string against maxLength, minLength, pattern and the date / date-time / uuid formats. */
    static String string(JsonNode schema, String text, String path) {
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            return path + ": longer than maxLength";
        }
        if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
            return path + ": shorter than minLength";
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            return path + ": does not match the pattern";
        }
        switch (schema.path("format").asText("")) {
            case "date" -> {
                return validDate(text) ? null : path + ": not a date YYYY-MM-DD with a year from 1 to 9999";
            }
            case "date-time" -> {
                try {
                    Instant.parse(text);
                    return null;
                } catch (DateTimeParseException e) {
                    return path + ": not an instant";
                }
            }
            case "uuid" -> {
                return UUID.matcher(text).matches() ? null : path + ": not a UUID";
            }
            default -> {
                return null;
            }
        }
    }

    static boolean validDate(String text) {
        if (!DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.getYear() >= 1 && date.getYear() <= 9999;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String range(JsonNode schema, java.math.BigDecimal n, String path) {
        if (schema.has("minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) {
            return path + ": below minimum";
        }
        if (schema.has("maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) {
            return path + ": above maximum";
        }
        if (schema.path("exclusiveMinimum").isNumber() && n.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
            return path + ": not above exclusiveMinimum";
        }
        if (schema.path("exclusiveMaximum").isNumber() && n.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
            return path + ": not below exclusiveMaximum";
        }
        return null;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
