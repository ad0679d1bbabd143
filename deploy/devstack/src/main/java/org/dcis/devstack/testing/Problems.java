package org.dcis.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** What every refusal of a service of the suite must look like, whatever the input. */
public final class Problems {
    private Problems() {
    }

    /** A problem+json of this status naming {@code field} among its violations, and leaking nothing. */
    public static void assertProblem(Response response, int status, String field) {
        assertProblem(response, status);
        assertThat(response.jsonPath().getList("violations.field", String.class)).as(response.asString()).contains(field);
    }

    public static void assertProblem(Response response, int status) {
        String body = response.asString();
        assertThat(response.statusCode()).as(body.length() > 500 ? body.substring(0, 500) : body).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertClean(body);
    }

    /** No Java class, no stack trace, no SQL, no huge echo of the input. */
    public static void assertClean(String body) {
        assertThat(body).doesNotContain("java.", "javax.", "jakarta.", "org.dcis", "com.fasterxml", "Exception",
                "ArrayList", "\tat ", "SQL", "ERROR:", "Cannot deserialize");
        assertThat(body).as("the body quotes no long run of the input").doesNotContainPattern("(.)\\1{64}");
        assertThat(body.length()).as("body length").isLessThan(3_000);
    }
}
