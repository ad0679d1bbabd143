package org.dcis.cooperation.hostile;

import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.devstack.testing.Problems.assertProblem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every list of the service reads its query parameters strictly (issue 14): an empty sort field, an offset
 * beyond any page, a number that is no number, a NUL character, a date outside years 1 to 9999 are each a 400
 * problem naming the parameter, never a 500 and never a 404.
 */
@QuarkusTest
class ListParametersTest {
    private String caseId;

    @BeforeEach
    void aCase() {
        Directory.standardPosts();
        caseId = as(DAKAR).body(bilateral("Parameters " + UUID.randomUUID(), "SN-DAKAR", "SN")).post("/cases").then()
                .statusCode(201).extract().path("id");
    }

    private List<String> lists() {
        return List.of("/cases", "/actions", "/cases/" + caseId + "/actions", "/missions", "/directory/posts", "/audit");
    }

    private static void refused(String path, Map<String, String> query, String parameter) {
        assertProblem(as(ANALYST).queryParams(query).get(path), 400, parameter);
    }

    @Test
    void pagingAndSortingParameters() {
        for (String path : lists()) {
            refused(path, Map.of("sort", ","), "sort");
            refused(path, Map.of("sort", ",desc"), "sort");
            refused(path, Map.of("page", "20000000", "size", "200"), "page");
            refused(path, Map.of("page", String.valueOf(Integer.MAX_VALUE), "size", "200"), "page");
            refused(path, Map.of("page", "99999999999"), "page");
            refused(path, Map.of("page", "abc"), "page");
            refused(path, Map.of("page", "-1"), "page");
            refused(path, Map.of("size", "0"), "size");
            refused(path, Map.of("size", "1e3"), "size");
            as(ANALYST).queryParams(Map.of("page", "0", "size", "1")).get(path).then().statusCode(200);
        }
    }

    @Test
    void textParametersHoldNoControlCharacter() {
        for (String path : List.of("/cases", "/actions", "/cases/" + caseId + "/actions", "/missions")) {
            refused(path, Map.of("text", "\u0000"), "text");
            refused(path, Map.of("text", "cocaine\u0000"), "text");
        }
        refused("/cases", Map.of("post", "SN-\u0000"), "post");
        refused("/actions", Map.of("mission", "\u0000"), "mission");
        refused("/audit", Map.of("targetId", "\u0000"), "targetId");
    }

    @Test
    void datesStayWithinYearsOneTo9999() {
        for (String path : List.of("/cases", "/actions", "/cases/" + caseId + "/actions")) {
            refused(path, Map.of("from", "-5000-01-01"), "from");
            refused(path, Map.of("to", "+99999-01-01"), "to");
            refused(path, Map.of("from", "0000-01-01"), "from");
            refused(path, Map.of("from", "20261202"), "from");
        }
        refused("/audit", Map.of("from", "-5000-01-01T00:00:00Z"), "from");
        refused("/audit", Map.of("to", "+99999-01-01T00:00:00Z"), "to");
    }

    @Test
    void filtersOfEnumsAndIdsNameTheParameter() {
        refused("/cases", Map.of("status", "0"), "status");
        refused("/cases", Map.of("kind", "1"), "kind");
        refused("/actions", Map.of("case", "not-a-uuid"), "case");
        refused("/actions", Map.of("country", "XX"), "country");
        refused("/directory/posts", Map.of("country", "\u0000"), "country");
    }
}
