package org.dcis.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** The suite's JSON rules on a plain mapper: what every service's request bodies and event data go through. */
class StrictJsonTest {
    enum Kind {
        OPERATIONAL, TECHNICAL
    }

    record Body(String title, LocalDate on, Kind kind, List<String> tags, Integer count, Instant at, List<Part> parts) {
    }

    record Part(String note) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    @Test
    void wellFormedBodiesAreRead() throws Exception {
        Body body = json.readValue("""
                {"title": "Smuggling \\ud83d\\ude00 route", "on": "2026-12-02", "kind": "TECHNICAL", "tags": ["a", "b"],
                 "count": 3, "at": "2026-12-02T10:00:00Z", "parts": [{"note": "line one\\nline two\\ttab"}]}""", Body.class);
        assertThat(body.title()).isEqualTo("Smuggling \ud83d\ude00 route");
        assertThat(body.on()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(body.kind()).isEqualTo(Kind.TECHNICAL);
        assertThat(body.at()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(body.parts().get(0).note()).contains("\n");
        assertThat(json.readValue("{\"on\": \"0001-01-01\"}", Body.class).on()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(json.readValue("{\"on\": \"9999-12-31\"}", Body.class).on()).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"kind\": \"TECHNICAL\", \"kind\": 1}", Body.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field 'kind'");
        // inside a list, Jackson wraps the parser's refusal with the path (ProblemMappers unwraps it)
        assertThatThrownBy(() -> json.readValue("{\"parts\": [{\"note\": \"a\", \"note\": \"b\"}]}", Body.class))
                .hasRootCauseInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field 'note'");
    }

    @Test
    void nothingMayFollowTheValue() {
        assertThatThrownBy(() -> json.readValue("{\"title\": \"a\"} {\"title\": \"b\"}", Body.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageStartingWith("Trailing token");
        assertThatThrownBy(() -> json.readValue("{\"title\": \"a\"} garbage", Body.class))
                .isInstanceOf(JsonParseException.class);
    }

    @Test
    void datesAreIsoStringsOfYearsOneToNineThousandNineHundredNinetyNine() {
        for (String date : List.of("20261202", "[2026, 12, 2]", "\"0000-01-01\"", "\"+99999-01-01\"", "\"-5000-01-01\"",
                "\"2026-02-30\"", "\"2026-1-5\"", "\"02/12/2026\"", "true", "{}")) {
            assertRefused("{\"on\": " + date + "}", "on");
        }
        assertRefused("{\"at\": 1764669600}", "at");
        assertRefused("{\"at\": \"+99999-01-01T00:00:00Z\"}", "at");
        assertRefused("{\"at\": \"2026-12-02\"}", "at");
    }

    @Test
    void enumsAreNamesNeverOrdinals() {
        assertThatThrownBy(() -> json.readValue("{\"kind\": 0}", Body.class)).isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(path((JsonMappingException) e)).isEqualTo("kind"));
        assertThatThrownBy(() -> json.readValue("{\"kind\": \"1\"}", Body.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void noFloatWhereAnIntegerIsExpected() {
        assertThatThrownBy(() -> json.readValue("{\"count\": 2.5}", Body.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void noNulNorUnpairedSurrogateInAnyString() {
        assertRefused("{\"title\": \"a\\u0000b\"}", "title");
        assertRefused("{\"title\": \"broken \\ud800 text\"}", "title");
        assertRefused("{\"title\": \"broken \\udc00 text\"}", "title");
        assertRefused("{\"tags\": [\"fine\", \"\\u0000\"]}", "tags[1]");
        assertRefused("{\"parts\": [{\"note\": \"x\"}, {\"note\": \"\\ud83d\"}]}", "parts[1].note");
    }

    @Test
    void aStringFieldTakesOnlyAString() throws Exception {
        for (String value : List.of("12", "1.5", "true", "false", "{}")) {
            assertThatThrownBy(() -> json.readValue("{\"title\": " + value + "}", Body.class)).as(value)
                    .isInstanceOf(MismatchedInputException.class)
                    .satisfies(e -> assertThat(path((JsonMappingException) e)).isEqualTo("title"));
        }
        assertThatThrownBy(() -> json.readValue("{\"tags\": [\"a\", 3]}", Body.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(path((JsonMappingException) e)).isEqualTo("tags[1]"));
        assertThat(json.readValue("{\"title\": null}", Body.class).title()).isNull();
    }

    @Test
    void aNumberFieldTakesOnlyANumber() {
        for (String value : List.of("\"12\"", "\"\"", "true")) {
            assertThatThrownBy(() -> json.readValue("{\"count\": " + value + "}", Body.class)).as(value)
                    .isInstanceOf(MismatchedInputException.class)
                    .satisfies(e -> assertThat(path((JsonMappingException) e)).isEqualTo("count"));
        }
    }

    @Test
    void anEnumIsItsExactName() {
        for (String value : List.of("\" TECHNICAL\"", "\"TECHNICAL \"", "\"TECHNICAL\\u0001\"", "\"\\tTECHNICAL\"",
                "\"technical\"", "\"\"")) {
            assertThatThrownBy(() -> json.readValue("{\"kind\": " + value + "}", Body.class)).as(value)
                    .isInstanceOf(MismatchedInputException.class)
                    .satisfies(e -> assertThat(path((JsonMappingException) e)).isEqualTo("kind"));
        }
    }

    @Test
    void aDateIsExactlyTheIsoForm() {
        for (String date : List.of("\"\"", "\" 2026-12-02\"", "\"2026-12-02 \"", "\"2026-12-02\\n\"")) {
            assertRefused("{\"on\": " + date + "}", "on");
        }
    }

    private void assertRefused(String body, String field) {
        assertThatThrownBy(() -> json.readValue(body, Body.class)).as(body).isInstanceOf(RefusedJsonValue.class)
                .satisfies(e -> assertThat(path((JsonMappingException) e)).as(body).isEqualTo(field))
                .satisfies(e -> assertThat(((RefusedJsonValue) e).reason()).doesNotContain("java.", "Cannot"));
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.length() > 0 ? "." : "").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
