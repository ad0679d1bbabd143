package org.dcis.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The judgement of one answer, offline: what docs/conventions.md lists, what a leak looks like, and that
 * none of the generator's own hostile strings is mistaken for one (they come back in stored data).
 */
class VerdictsTest {
    private static final Map<String, Integer> TYPES = types();
    private final Verdicts verdicts = new Verdicts(TYPES, List.of("localhost:8082", "127.0.0.1:8082"));

    private static Map<String, Integer> types() {
        try {
            Path dir = Path.of("").toAbsolutePath();
            while (!Files.isRegularFile(dir.resolve("docs/conventions.md"))) {
                dir = dir.getParent();
            }
            return Verdicts.problemTypes(dir.resolve("docs/conventions.md"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Probe probe() {
        HostileGeneratorTest.class.getName();
        ApiDocument document = new ApiDocument(new ApiDocument.Service("s", URI.create("http://localhost:8082"), "/api/s"),
                Stacks.read(HostileGeneratorTest.DOCUMENT));
        Probe probe = new Probe(1, document.operations.get(0), "body name", "test");
        probe.identity = Identity.all().get(0);
        return probe;
    }

    private static RawHttp.Answer answer(int status, String contentType, String body, String... headers) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        if (contentType != null) {
            all.add(Map.entry("Content-Type", contentType));
        }
        for (int i = 0; i < headers.length; i += 2) {
            all.add(Map.entry(headers[i], headers[i + 1]));
        }
        return new RawHttp.Answer(status, all, body.getBytes(StandardCharsets.UTF_8), null, 1);
    }

    private static final String PROBLEM = "application/problem+json";

    private List<String> categories(Probe probe, RawHttp.Answer answer) {
        return verdicts.judge(probe, answer).stream().map(Verdicts.Failure::category).toList();
    }

    @Test
    void theProblemTypesAreReadFromTheConventions() {
        assertThat(TYPES).containsEntry("validation", 400).containsEntry("malformed-json", 400).containsEntry("stale-version", 412)
                .containsEntry("internal", 500).hasSizeGreaterThanOrEqualTo(19);
    }

    @Test
    void aListedProblemNamingTheFieldPasses() {
        Probe probe = probe();
        probe.namedField = "name";
        String body = "{\"type\":\"https://dcis.example/problems/validation\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"violations\":[{\"field\":\"name\",\"message\":\"too long\"}]}";
        assertThat(categories(probe, answer(400, PROBLEM, body))).isEmpty();
    }

    @Test
    void everyBreachOfTheContractIsCaught() {
        Probe probe = probe();
        probe.namedField = "name";
        assertThat(categories(probe, answer(500, PROBLEM, "{\"type\":\"https://dcis.example/problems/internal\",\"status\":500}")))
                .containsExactly("status >= 500");
        assertThat(categories(probe, answer(400, null, ""))).containsExactly("400 is not problem+json");
        assertThat(categories(probe, answer(400, PROBLEM, "{\"type\":\"https://dcis.example/problems/oops\",\"status\":400,"
                + "\"violations\":[{\"field\":\"name\"}]}"))).containsExactly("problem type not in docs/conventions.md");
        assertThat(categories(probe, answer(422, PROBLEM, "{\"type\":\"https://dcis.example/problems/validation\",\"status\":422}")))
                .containsExactly("problem type listed for another status");
        assertThat(categories(probe, answer(400, PROBLEM, "{\"type\":\"https://dcis.example/problems/validation\",\"status\":400,"
                + "\"violations\":[{\"field\":\"colour\"}]}"))).containsExactly("400 does not name the field");
        assertThat(categories(probe, answer(400, PROBLEM, "{\"type\":\"https://dcis.example/problems/validation\",\"status\":400,"
                + "\"detail\":\"" + "x".repeat(20_000) + "\",\"violations\":[{\"field\":\"name\"}]}")))
                .containsExactly("problem body over 16 KiB (input echoed?)");
        assertThat(categories(probe, answer(400, PROBLEM, "{\"type\":\"https://dcis.example/problems/validation\",\"status\":400,"
                + "\"detail\":\"Cannot deserialize value of type `java.util.ArrayList<org.dcis.cooperation.cases.Theme>`\","
                + "\"violations\":[{\"field\":\"name\"}]}"))).containsExactly("Java class name in the body");
        assertThat(categories(probe, answer(409, PROBLEM, "{\"type\":\"https://dcis.example/problems/conflict\",\"status\":409,"
                + "\"detail\":\"ERROR: duplicate key value violates unique constraint \\\"mission_pkey\\\"\"}")))
                .containsExactly("SQL text in the body");
        assertThat(categories(probe, answer(400, PROBLEM, "{\"type\":\"https://dcis.example/problems/validation\",\"status\":400,"
                + "\"detail\":\"at org.example.Foo.bar(Foo.java:12)\",\"violations\":[{\"field\":\"name\"}]}")))
                .contains("stack trace in the body");

        probe.mustRefuse = true;
        probe.refuseBecause = "test";
        assertThat(categories(probe, answer(201, "application/json", "{}"))).containsExactly("accepted although it must be refused");

        Probe viaGateway = probe();
        viaGateway.viaGateway = true;
        assertThat(categories(viaGateway, answer(201, "application/json", "{}", "Location", "http://localhost:8082/cases/1")))
                .containsExactly("internal address in a header");
        Probe spoofed = probe();
        spoofed.spoofedHost = "evil.example";
        assertThat(categories(spoofed, answer(201, "application/json", "{}", "Location", "http://evil.example/cases/1")))
                .containsExactly("a header follows the spoofed host");
    }

    @Test
    void theGeneratorsOwnHostileStringsNeverLookLikeALeak() {
        List<String> ours = new ArrayList<>(Generator.INJECTIONS);
        ours.addAll(Generator.CONTROLS);
        ours.addAll(Generator.UNICODE);
        for (String value : ours) {
            for (Map.Entry<String, Pattern> leak : Verdicts.LEAKS.entrySet()) {
                assertThat(leak.getValue().matcher(value).find()).as("%s matches the %s detector", value, leak.getKey()).isFalse();
            }
        }
    }
}
