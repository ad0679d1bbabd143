package org.dcis.devstack.testing;

import org.assertj.core.api.SoftAssertions;
import org.dcis.devstack.testing.AttackTokens.Attack;

import io.restassured.response.Response;

/** What every service of the suite answers to a refused token, checked the same way for each. */
public final class UnauthorizedProblem {
    private UnauthorizedProblem() {
    }

    /**
     * The refusal is the service's problem+json (same shape as every other error) with the Bearer challenge, and
     * says nothing of the presented token: no part of it is echoed back.
     */
    public static void assertRefused(SoftAssertions softly, Response response, Attack attack, String call) {
        String what = attack.name() + " on " + call;
        softly.assertThat(response.contentType()).as("%s: content type", what).startsWith("application/problem+json");
        softly.assertThat(response.header("WWW-Authenticate")).as("%s: challenge", what).startsWith("Bearer");
        String body = response.asString();
        softly.assertThat(body).as("%s: body", what).isNotBlank();
        if (body.isBlank() || !response.contentType().startsWith("application/problem+json")) {
            return;
        }
        softly.assertThat(response.jsonPath().getInt("status")).as("%s: status field", what).isEqualTo(401);
        softly.assertThat(response.jsonPath().getString("type")).as("%s: type", what)
                .isEqualTo("https://dcis.example/problems/unauthenticated");
        softly.assertThat(response.jsonPath().getString("title")).as("%s: title", what).isEqualTo("Authentication required");
        softly.assertThat(response.jsonPath().getString("detail")).as("%s: detail", what).isNotBlank();
        softly.assertThat(response.jsonPath().getString("instance")).as("%s: instance", what)
                .isEqualTo(call.substring(call.indexOf(' ') + 1));
        String credentials = attack.authorization() == null ? "" : attack.authorization().replaceFirst("^\\S+\\s*", "");
        if (credentials.length() >= 8) {
            softly.assertThat(body).as("%s: the presented credentials are not echoed", what).doesNotContain(credentials);
        }
        softly.assertThat(body).as("%s: no stack trace", what).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
