package org.dcis.posts.hostile;

import static org.dcis.posts.support.Api.ADMIN;
import static org.dcis.posts.support.Api.ANALYST;
import static org.dcis.posts.support.Api.as;
import static org.dcis.devstack.testing.Problems.assertProblem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A path id that cannot name a resource (a NUL character, a huge text, longer than a post id, the wrong shape)
 * is a 404 problem that quotes it briefly, and is never looked up in the database (where a NUL would be an error).
 */
@QuarkusTest
class PathIdsTest {
    @Test
    void idsThatCannotExistAre404s() {
        for (String id : List.of("%00", "SN-%00", "A%00B", "x".repeat(3000), "SN-" + "A".repeat(46), "sn-dakar",
                "%ED%A0%80")) {
            assertProblem(as(ANALYST).urlEncodingEnabled(false).get("/posts/" + id), 404);
            assertProblem(as(ANALYST).urlEncodingEnabled(false).get("/posts/" + id + "/coverage"), 404);
            assertProblem(as(ANALYST).urlEncodingEnabled(false).get("/assignments/" + id), 404);
            assertProblem(as(ANALYST).urlEncodingEnabled(false).get("/countries/" + id), 404);
            assertProblem(as(ANALYST).urlEncodingEnabled(false).get("/countries/" + id + "/post"), 404);
            assertProblem(as(ADMIN).urlEncodingEnabled(false).header("If-Match", "\"1\"")
                    .body(Map.of("city", "x", "embassy", "y")).put("/posts/" + id), 404);
            assertProblem(as(ADMIN).urlEncodingEnabled(false).header("If-Match", "\"1\"")
                    .body(Map.of("status", "SUSPENDED")).put("/posts/" + id + "/status"), 404);
            assertProblem(as(ADMIN).urlEncodingEnabled(false).header("If-Match", "\"1\"")
                    .body(Map.of("countries", List.of("SN"))).put("/posts/" + id + "/coverage"), 404);
            assertProblem(as(ADMIN).urlEncodingEnabled(false).header("If-Match", "\"1\"")
                    .body(Map.of()).post("/assignments/" + id + "/end"), 404);
        }
    }
}
