package org.dcis.e2e.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every answer to a hostile request must be (issue 14, "Done when"): never 5xx; every 4xx an RFC 9457
 * problem+json whose type is in docs/conventions.md's list with that status, naming the field a one-field
 * mutation broke; no stack trace, Java class name, SQL text or internal address in any body or header; no
 * Location built from a spoofed Host; no 2xx for an input the document or the conventions refuse.
 */
final class Verdicts {
    static final String PROBLEM_BASE = "https://dcis.example/problems/";
    /** A problem detail that echoes a huge input is itself a defect (issue 14); every real one is far shorter. */
    static final int MAX_PROBLEM_BYTES = 16 * 1024;

    /** One thing wrong with one answer: a category (grouping key) and the evidence. */
    record Failure(String category, String evidence) {
    }

    /** Patterns of what must never reach a client. Our own inputs are chosen so that none of them matches. */
    static final Map<String, Pattern> LEAKS = new LinkedHashMap<>();

    static {
        LEAKS.put("stack trace", Pattern.compile("(\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\([\\w$]*\\.java:\\d+\\))|(\\bCaused by: )|(\\.java:\\d+\\))"));
        LEAKS.put("Java class name", Pattern.compile("\\b(java|javax|jakarta|sun|jdk)\\.[a-z]+\\.|\\borg\\.dcis\\.|\\bcom\\.fasterxml\\b|\\borg\\.hibernate\\b"
                + "|\\borg\\.postgresql\\b|\\bio\\.(quarkus|vertx|smallrye|netty)\\.|\\borg\\.(jboss|apache|eclipse)\\.|\\b\\w*Exception\\b"
                + "|\\b(StackOverflow|OutOfMemory|NoSuchMethod|NoClassDefFound|Assertion|IllegalAccess|Linkage)Error\\b"));
        LEAKS.put("SQL text", Pattern.compile("(?i)\\binsert into \\w|\\bselect \\w+(_\\d+)?\\.\\w+|\\bfrom \\w+ \\w+_\\d+\\b|SQL ?state|"
                + "\\bsyntax error at or near\\b|\\bviolates (foreign key|unique|check|not-null) constraint\\b|\\bduplicate key value\\b|"
                + "\\brelation \"\\w+\"|\\bcolumn \"\\w+\"|\\bcould not execute (statement|query)\\b|\\bPSQL|\\bJDBC\\b|\\bHHH\\d{6}"));
    }

    private final Map<String, Integer> problemTypes;
    private final List<String> internalAddresses;

    Verdicts(Map<String, Integer> problemTypes, List<String> internalAddresses) {
        this.problemTypes = problemTypes;
        this.internalAddresses = internalAddresses;
    }

    /** The problem types table of docs/conventions.md (slug → status), the one list every app emits from. */
    static Map<String, Integer> problemTypes(Path conventions) throws IOException {
        String text = Files.readString(conventions);
        int start = text.indexOf("<!-- problem-types:start -->");
        int end = text.indexOf("<!-- problem-types:end -->");
        if (start < 0 || end < start) {
            throw new IllegalStateException("no problem-types table in " + conventions);
        }
        Map<String, Integer> types = new LinkedHashMap<>();
        Matcher row = Pattern.compile("\\|\\s*`([a-z-]+)`\\s*\\|\\s*(\\d{3})\\s*\\|").matcher(text.substring(start, end));
        while (row.find()) {
            types.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        if (types.size() < 10) {
            throw new IllegalStateException("the problem-types table of " + conventions + " has only " + types.size() + " rows");
        }
        return types;
    }

    List<Failure> judge(Probe probe, RawHttp.Answer answer) {
        List<Failure> failures = new ArrayList<>();
        if (!answer.answered()) {
            failures.add(new Failure("no answer", answer.error()));
            return failures;
        }
        int status = answer.status();
        String text = answer.bodyText();
        if (status >= 500) {
            failures.add(new Failure("status >= 500", status + " " + excerpt(text)));
        }
        if (status >= 200 && status < 300 && probe.mustRefuse) {
            failures.add(new Failure("accepted although it must be refused", status + " (" + probe.refuseBecause + ") " + excerpt(text)));
        }
        if (status >= 300 && status < 400) {
            failures.add(new Failure("unexpected redirect", status + " Location: " + answer.header("Location").orElse("-")));
        }
        if (status >= 400) {
            problem(probe, answer, status, text, failures);
        }
        leaks(probe, answer, text, failures);
        return failures;
    }

    private void problem(Probe probe, RawHttp.Answer answer, int status, String text, List<Failure> failures) {
        String contentType = answer.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/problem+json")) {
            failures.add(new Failure(status + " is not problem+json",
                    "Content-Type '" + answer.contentType() + "', body " + (text.isEmpty() ? "empty" : excerpt(text))));
            return;
        }
        if (answer.body().length > MAX_PROBLEM_BYTES) {
            failures.add(new Failure("problem body over 16 KiB (input echoed?)", answer.body().length + " bytes: " + excerpt(text)));
        }
        JsonNode problem = Stacks.readOrNull(text);
        if (problem == null || !problem.isObject()) {
            failures.add(new Failure("problem+json that is not a JSON object", excerpt(text)));
            return;
        }
        String type = problem.path("type").asText("");
        if (!type.startsWith(PROBLEM_BASE) || !problemTypes.containsKey(type.substring(PROBLEM_BASE.length()))) {
            failures.add(new Failure("problem type not in docs/conventions.md", "type '" + type + "' " + excerpt(text)));
        } else if (problemTypes.get(type.substring(PROBLEM_BASE.length())) != status) {
            failures.add(new Failure("problem type listed for another status", status + " with type " + type + " (listed for "
                    + problemTypes.get(type.substring(PROBLEM_BASE.length())) + ")"));
        }
        if (problem.path("status").asInt(-1) != status) {
            failures.add(new Failure("problem status differs from the HTTP status", status + " vs " + problem.path("status")));
        }
        if (status == 400 && probe.namedField != null && !names(problem, probe.namedField)) {
            failures.add(new Failure("400 does not name the field", "expected '" + probe.namedField + "' in violations: " + excerpt(text)));
        }
    }

    /** Whether violations[].field names the field (or lies inside it, or it inside the named one). */
    static boolean names(JsonNode problem, String field) {
        for (JsonNode violation : problem.path("violations")) {
            String named = violation.path("field").asText("");
            if (named.equalsIgnoreCase(field) || Generator.related(named, field)) {
                return true;
            }
        }
        return false;
    }

    private void leaks(Probe probe, RawHttp.Answer answer, String text, List<Failure> failures) {
        StringBuilder headers = new StringBuilder();
        for (Map.Entry<String, String> header : answer.headers()) {
            headers.append(header.getKey()).append(": ").append(header.getValue()).append('\n');
        }
        for (Map.Entry<String, Pattern> leak : LEAKS.entrySet()) {
            Matcher inBody = leak.getValue().matcher(text);
            if (inBody.find()) {
                failures.add(new Failure(leak.getKey() + " in the body", around(text, inBody.start())));
            }
            Matcher inHeaders = leak.getValue().matcher(headers);
            if (inHeaders.find()) {
                failures.add(new Failure(leak.getKey() + " in a header", around(headers.toString(), inHeaders.start())));
            }
        }
        if (probe.viaGateway) {
            for (String address : internalAddresses) {
                int inBody = text.indexOf(address);
                if (inBody >= 0) {
                    failures.add(new Failure("internal address in the body", around(text, inBody)));
                }
                int inHeaders = headers.indexOf(address);
                if (inHeaders >= 0) {
                    failures.add(new Failure("internal address in a header", around(headers.toString(), inHeaders)));
                }
            }
        }
        if (probe.spoofedHost != null && headers.indexOf(probe.spoofedHost) >= 0) {
            failures.add(new Failure("a header follows the spoofed host", around(headers.toString(), headers.indexOf(probe.spoofedHost))));
        }
    }

    static String excerpt(String text) {
        String flat = Generator.visible(text.replace('\n', ' ').replace('\r', ' '));
        return flat.length() <= 240 ? flat : flat.substring(0, 240) + "…(" + text.length() + " chars)";
    }

    private static String around(String text, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + 120);
        return (from > 0 ? "…" : "") + Generator.visible(text.substring(from, to).replace('\n', ' ')) + (to < text.length() ? "…" : "");
    }
}
