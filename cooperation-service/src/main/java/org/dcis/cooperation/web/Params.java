package org.dcis.cooperation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dcis.cooperation.shared.InvalidParameter;
import org.dcis.cooperation.shared.IsoCountries;

/** Query and path parameters read as text and parsed here, so a bad one is a 400 naming it. */
public final class Params {
    private Params() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, "unknown value '" + value + "'; allowed: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "must be a date like 2025-01-31");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, "must be a UUID");
        }
    }

    public static String country(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!IsoCountries.isKnown(value.strip())) {
            throw new InvalidParameter(name, "unknown ISO 3166-1 alpha-2 country code: " + value);
        }
        return value.strip();
    }

    public static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidParameter(name, "at most " + max + " characters");
        }
        return value;
    }

    public static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidParameter("to", "the end of the range is before its start");
        }
    }
}
