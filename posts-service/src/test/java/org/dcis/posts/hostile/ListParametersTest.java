package org.dcis.posts.hostile;

import static org.dcis.posts.support.Api.ANALYST;
import static org.dcis.posts.support.Api.as;
import static org.dcis.devstack.testing.Problems.assertProblem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every list of the service reads its query parameters strictly (issue 14): an empty sort field, an offset
 * beyond any page, a number that is no number, a NUL character, a date outside years 1 to 9999 are each a 400
 * problem naming the parameter, never a 500 and never a 404.
 */
@QuarkusTest
class ListParametersTest {
    private static final List<String> LISTS = List.of("/posts", "/assignments", "/countries", "/audit");

    private static void refused(String path, Map<String, String> query, String parameter) {
        assertProblem(as(ANALYST).queryParams(query).get(path), 400, parameter);
    }

    @Test
    void pagingAndSortingParameters() {
        for (String path : LISTS) {
            refused(path, Map.of("sort", ","), "sort");
            refused(path, Map.of("sort", ",desc"), "sort");
            refused(path, Map.of("page", "20000000", "size", "200"), "page");
            refused(path, Map.of("page", String.valueOf(Integer.MAX_VALUE), "size", "200"), "page");
            refused(path, Map.of("page", "99999999999"), "page");
            refused(path, Map.of("page", "abc"), "page");
            refused(path, Map.of("page", "-1"), "page");
            refused(path, Map.of("size", "0"), "size");
            refused(path, Map.of("size", "1e3"), "size");
            refused(path, Map.of("size", "abc"), "size");
            as(ANALYST).queryParams(Map.of("page", "0", "size", "1")).get(path).then().statusCode(200);
        }
    }

    @Test
    void textParametersHoldNoControlCharacter() {
        for (String path : List.of("/posts", "/assignments", "/countries")) {
            refused(path, Map.of("text", "\u0000"), "text");
            refused(path, Map.of("text", "dakar\u0000"), "text");
            refused(path, Map.of("continent", "\u0000"), "continent");
        }
        refused("/posts", Map.of("country", "S\u0000"), "country");
        refused("/assignments", Map.of("country", "S\u0000"), "country");
        refused("/assignments", Map.of("postId", "SN-\u0000"), "postId");
        refused("/assignments", Map.of("officerId", "PN-\u0000"), "officerId");
        refused("/countries", Map.of("region", "\u0000"), "region");
        refused("/audit", Map.of("targetId", "\u0000"), "targetId");
        refused("/audit", Map.of("post", "SN-\u0000"), "post");
    }

    @Test
    void datesStayWithinYearsOneTo9999() {
        refused("/audit", Map.of("from", "-5000-01-01T00:00:00Z"), "from");
        refused("/audit", Map.of("to", "+99999-01-01T00:00:00Z"), "to");
        // the days a post's coverage and a country's covering post are asked for
        for (String path : List.of("/posts/SN-DAKAR/coverage", "/countries/SN/post")) {
            refused(path, Map.of("on", "-5000-01-01"), "on");
            refused(path, Map.of("on", "+99999-01-01"), "on");
            refused(path, Map.of("on", "0000-01-01"), "on");
            refused(path, Map.of("on", "20261202"), "on");
        }
    }

    @Test
    void filtersOfEnumsAndFlagsNameTheParameter() {
        refused("/posts", Map.of("status", "0"), "status");
        refused("/posts", Map.of("theme", "1"), "theme");
        refused("/posts", Map.of("country", "XX"), "country");
        refused("/assignments", Map.of("force", "0"), "force");
        refused("/assignments", Map.of("current", "yes"), "current");
        refused("/countries", Map.of("covered", "1"), "covered");
        refused("/countries", Map.of("continent", "Atlantis"), "continent");
    }
}
