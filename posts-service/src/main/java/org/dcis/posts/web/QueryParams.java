package org.dcis.posts.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.dcis.posts.rules.RegistryException;

/**
 * Query parameters are taken as text and parsed here, so a bad value is a 400 naming the parameter
 * rather than the 404 JAX-RS gives for an unconvertible query parameter.
 */
public final class QueryParams {
    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalid(name, "unknown value '" + value + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw RegistryException.invalid(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw RegistryException.invalid(name, "'" + value + "' is not true or false");
    }

    public static String text(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw RegistryException.invalid(name, name + " is limited to " + max + " characters");
        }
        return value.trim();
    }
}
