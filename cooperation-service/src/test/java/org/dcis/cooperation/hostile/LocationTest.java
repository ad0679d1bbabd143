package org.dcis.cooperation.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ADMIN;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A {@code Location} never repeats what the caller put in {@code Host} (issue 14): it is the resource's path,
 * relative to the request (RFC 9110 §10.2.2), or under the configured public base.
 */
@QuarkusTest
class LocationTest {
    private static final String EVIL = "evil.example";

    @Test
    void theLocationOfACreatedResourceIgnoresTheHostHeader() {
        Directory.standardPosts();
        Response opened = as(DAKAR).header("Host", EVIL).body(bilateral("Location " + UUID.randomUUID(), "SN-DAKAR", "SN"))
                .post("/cases");
        assertThat(opened.statusCode()).isEqualTo(201);
        String caseId = opened.jsonPath().getString("id");
        assertThat(opened.header("Location")).isEqualTo("/cases/" + caseId);

        Response logged = as(DAKAR).header("Host", EVIL).header("X-Forwarded-Host", EVIL).body(action("Location"))
                .post("/cases/" + caseId + "/actions");
        assertThat(logged.statusCode()).isEqualTo(201);
        assertThat(logged.header("Location")).isEqualTo("/actions/" + logged.jsonPath().getString("id"));

        String code = "LOC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response mission = as(ADMIN).header("Host", EVIL).body(Map.of("code", code, "name", "Location", "organisation",
                "EU", "hostCountries", List.of("ML"), "startsOn", "2020-01-01")).post("/missions");
        assertThat(mission.statusCode()).isEqualTo(201);
        assertThat(mission.header("Location")).isEqualTo("/missions/" + code);

        for (Response response : List.of(opened, logged, mission)) {
            assertThat(response.headers().asList()).noneSatisfy(h -> assertThat(h.getValue()).contains(EVIL));
        }
    }
}
