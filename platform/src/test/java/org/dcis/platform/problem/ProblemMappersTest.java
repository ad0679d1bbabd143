package org.dcis.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.dcis.platform.json.StrictJson;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemMappersTest {
    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    @Test
    void aDuplicateKeyIsNamedByItsPath() {
        assertThat(duplicate("{\"status\": \"SUSPENDED\", \"status\": 1}")).isEqualTo("status");
        assertThat(duplicate("{\"outcomes\": [{\"unit\": \"kg\"}, {\"unit\": \"t\", \"note\": \"x\", \"unit\": \"kg\"}]}"))
                .isEqualTo("outcomes[1].unit");
        assertThat(duplicate("{\"place\": {\"country\": \"CV\", \"country\": \"SN\"}}")).isEqualTo("place.country");
    }

    @Test
    void noMessageNorValueIsQuotedWhole() {
        String huge = "x".repeat(5_000_000);
        assertThat(ProblemMappers.quote(huge)).hasSizeLessThanOrEqualTo(ProblemMappers.QUOTE_LIMIT + 1);
        assertThat(ProblemMappers.message("unknown country " + huge)).hasSizeLessThanOrEqualTo(ProblemMappers.MESSAGE_LIMIT + 1);
        assertThat(new NotFound("mission", huge).getMessage()).hasSizeLessThan(100);
        assertThat(Problem.of(ProblemType.NOT_FOUND, "no such resource", "/missions/" + "x".repeat(3000)).instance())
                .as("a hostile path is not echoed as the instance").isNull();
        assertThat(Problem.of(ProblemType.NOT_FOUND, "no such resource", "/missions/EUCAP").instance())
                .isEqualTo("/missions/EUCAP");
    }

    @Test
    void typeNamesNeverNameJavaClasses() {
        for (Class<?> type : List.of(java.util.ArrayList.class, Map.class, String.class, Integer.class,
                java.math.BigDecimal.class, java.time.LocalDate.class, Thread.State.class, Object.class)) {
            assertThat(ProblemMappers.typeName(type)).doesNotContain("java", ".", "<");
        }
    }

    private String duplicate(String body) {
        JsonParseException e = catchThrowableOfType(JsonParseException.class, () -> json.readTree(body));
        assertThat(e).as(body).isNotNull();
        String message = e.getOriginalMessage();
        return ProblemMappers.duplicatePath(e, message.substring("Duplicate field '".length(), message.length() - 1));
    }
}
