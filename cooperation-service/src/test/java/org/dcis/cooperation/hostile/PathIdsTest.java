package org.dcis.cooperation.hostile;

import static org.dcis.cooperation.support.Api.ADMIN;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.devstack.testing.Problems.assertProblem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A path id that cannot name a resource (a NUL character, a huge text, the wrong shape) is a 404 problem that
 * quotes it briefly, and is never looked up in the database (where a NUL would be an error).
 */
@QuarkusTest
class PathIdsTest {
    @Test
    void idsThatCannotExistAre404s() {
        for (String id : List.of("%00", "A%00B", "x".repeat(3000), "sn-dakar", "%ED%A0%80")) {
            assertProblem(as(ANALYST).urlEncodingEnabled(false).get("/missions/" + id), 404);
            assertProblem(as(ANALYST).urlEncodingEnabled(false).get("/directory/posts/" + id), 404);
            assertProblem(as(ANALYST).urlEncodingEnabled(false).get("/cases/" + id), 404);
            assertProblem(as(ANALYST).urlEncodingEnabled(false).get("/actions/" + id), 404);
            assertProblem(as(ADMIN).urlEncodingEnabled(false).header("If-Match", "\"1\"")
                    .body(Map.of("name", "x", "organisation", "EU", "hostCountries", List.of("ML"), "startsOn", "2020-01-01"))
                    .put("/missions/" + id), 404);
        }
    }
}
