package org.dcis.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.dcis.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {
    @Test
    void theTargetIsRefusedPastItsLimitOnly() {
        assertThat(RequestLimits.check("/" + "a".repeat(RequestLimits.MAX_URI_LENGTH - 1), List.of())).isEmpty();
        assertThat(RequestLimits.check("/" + "a".repeat(RequestLimits.MAX_URI_LENGTH), List.of()))
                .hasValueSatisfying(refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.URI_TOO_LONG));
    }

    @Test
    void theHeaderSectionIsCountedWithNamesAndSeparators() {
        String value = "v".repeat(RequestLimits.MAX_HEADER_BYTES - "X-Big".length() - 4);
        assertThat(RequestLimits.check("/", List.of(Map.entry("X-Big", value)))).isEmpty();
        assertThat(RequestLimits.check("/", List.of(Map.entry("X-Big", value + "v"))))
                .hasValueSatisfying(refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.HEADERS_TOO_LARGE));
    }

    @Test
    void twoAuthorizationHeadersInAnySpellingAreRefused() {
        assertThat(RequestLimits.check("/", List.of(Map.entry("Authorization", "Bearer a")))).isEmpty();
        assertThat(RequestLimits.check("/", List.of(Map.entry("Authorization", "Bearer a"),
                Map.entry("authorization", "Bearer b"))))
                .hasValueSatisfying(refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.UNAUTHENTICATED));
    }

    @Test
    void onlyABodyWithoutContentTypeIsUndeclared() {
        assertThat(RequestLimits.undeclaredBody("POST", null, "12", List.of())).isTrue();
        assertThat(RequestLimits.undeclaredBody("PUT", " ", "12", List.of())).isTrue();
        assertThat(RequestLimits.undeclaredBody("PATCH", null, null, List.of("chunked"))).isTrue();
        assertThat(RequestLimits.undeclaredBody("POST", "application/json", "12", List.of())).isFalse();
        assertThat(RequestLimits.undeclaredBody("POST", null, "0", List.of())).isFalse();
        assertThat(RequestLimits.undeclaredBody("POST", null, null, List.of())).isFalse();
        assertThat(RequestLimits.undeclaredBody("GET", null, "12", List.of())).isFalse();
    }
}
