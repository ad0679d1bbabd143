package org.dcis.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problem types documented in docs/conventions.md (the table between the problem-types markers), slug
 * to status: what every app's test checks its own problem types against.
 */
public final class DocumentedProblemTypes {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|\\s*(\\d{3})\\s*\\|");

    private DocumentedProblemTypes() {
    }

    public static Map<String, Integer> read() {
        Path conventions = locate();
        String text;
        try {
            text = Files.readString(conventions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = text.indexOf("<!-- problem-types:start -->");
        int end = text.indexOf("<!-- problem-types:end -->");
        if (start < 0 || end < start) {
            throw new IllegalStateException(conventions + " has no problem-types table");
        }
        Map<String, Integer> types = new LinkedHashMap<>();
        for (String line : text.substring(start, end).split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (row.find()) {
                types.put(row.group(1), Integer.parseInt(row.group(2)));
            }
        }
        return types;
    }

    /** docs/conventions.md of the checkout the tests run in, found from the module's directory upwards. */
    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/conventions.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/conventions.md not found above " + Path.of("").toAbsolutePath());
    }
}
