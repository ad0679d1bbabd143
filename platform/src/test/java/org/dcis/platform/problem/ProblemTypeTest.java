package org.dcis.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dcis.devstack.testing.DocumentedProblemTypes;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {
    @Test
    void theListIsTheDocumentedOneBothWays() {
        Map<String, Integer> listed = new LinkedHashMap<>();
        Arrays.stream(ProblemType.values()).forEach(type -> listed.put(type.slug(), type.status()));
        assertThat(listed).isEqualTo(DocumentedProblemTypes.read());
    }

    @Test
    void aFrameworkStatusGetsItsListedTypeOrTheGenericOneOfItsClass() {
        assertThat(ProblemType.ofStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.ofStatus(405)).isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(ProblemType.ofStatus(415)).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ProblemType.ofStatus(400)).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.ofStatus(414)).isEqualTo(ProblemType.URI_TOO_LONG);
        assertThat(ProblemType.ofStatus(418)).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.ofStatus(599)).isEqualTo(ProblemType.INTERNAL);
    }

    @Test
    void domainRefusalsCarryTheirTypeAndFields() {
        InvalidParameter invalid = new InvalidParameter("sort", "cannot sort on 'x'");
        assertThat(invalid.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(invalid.violations()).containsExactly(new Violation("sort", "cannot sort on 'x'"));
        assertThat(new RuleViolation("closedOn", "in the future").type().status()).isEqualTo(422);
        assertThat(new VersionRequired().violations()).extracting(Violation::field).containsExactly("If-Match");
        assertThat(new StaleVersion("post SN-DAKAR", 2, 3).getMessage()).contains("\"3\"");
        assertThat(new AccessDenied("no").getStackTrace()).as("refusals are answers, not failures: no stack").isEmpty();
    }

    @Test
    void aProblemWithoutViolationsOmitsThem() {
        Problem problem = Problem.of(ProblemType.CONFLICT, "taken", "/missions", java.util.List.of());
        assertThat(problem.violations()).isNull();
        assertThat(problem.type().toString()).isEqualTo("https://dcis.example/problems/conflict");
        assertThat(Problem.unauthenticated("/x").title()).isEqualTo("Authentication required");
    }

    @Test
    void aRefusedValueIsQuotedShortAndTypesAreNamedForClients() {
        assertThat(ProblemMappers.quote("x".repeat(5_000_000))).hasSize(ProblemMappers.QUOTE_LIMIT + 1);
        assertThat(ProblemMappers.typeName(java.util.ArrayList.class)).isEqualTo("array");
        assertThat(ProblemMappers.typeName(java.time.LocalDate.class)).startsWith("date");
        assertThat(ProblemMappers.typeName(Long.class)).isEqualTo("integer");
        assertThat(ProblemMappers.typeName(ProblemTypeTest.class)).isEqualTo("object");
    }
}
