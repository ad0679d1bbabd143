package org.dcis.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dcis.platform.problem.InvalidParameter;

/**
 * Query, path and header parameters read as text and parsed here, so a bad one is a 400 naming it and
 * never reaches the database: dates stay within years 1 to 9999, text holds no control character.
 */
public final class Params {
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private Params() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, "unknown value '" + shorten(value) + "'; allowed: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "must be a date like 2025-01-31");
        }
        return inRange(name, date);
    }

    /** A date of the suite is between year 1 and 9999, which PostgreSQL and every client can hold. */
    public static LocalDate inRange(String name, LocalDate date) {
        if (date != null && (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR)) {
            throw new InvalidParameter(name, "the year must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return date;
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.strip());
            inRange(name, LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC));
            return instant;
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "must be an instant like 2025-01-31T10:00:00Z");
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

    /** {@code true} or {@code false} in any case; anything else is a 400 naming the parameter. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String flag = value.strip();
        if (flag.equalsIgnoreCase("true") || flag.equalsIgnoreCase("false")) {
            return Boolean.valueOf(flag.toLowerCase(Locale.ROOT));
        }
        throw new InvalidParameter(name, "must be true or false");
    }

    public static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidParameter(name, "at most " + max + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            throw new InvalidParameter(name, "must not contain control characters");
        }
        return value;
    }

    public static void range(String fromName, LocalDate from, String toName, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidParameter(toName, "the end of the range is before its start (" + fromName + ")");
        }
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
