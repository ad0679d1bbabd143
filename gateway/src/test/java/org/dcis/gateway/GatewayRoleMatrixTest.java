package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.dcis.gateway.security.Access;
import org.dcis.gateway.security.RouteRoles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every role × every route prefix × read and write, with real tokens of the realm's demo users and
 * mission systems, against one expected matrix that must also be the one in route-roles.csv (what the
 * gateway enforces) and in docs/security.md (what people read).
 */
@QuarkusTest
class GatewayRoleMatrixTest {
    private static final List<String> ROLES = List.of("officer", "hq-analyst", "registry-admin", "partner-eu", "partner-un");

    /** The matrix of the issue: route → access → roles allowed. */
    private static final Map<String, Map<Access, Set<String>>> EXPECTED = Map.of(
            "/api/posts", Map.of(
                    Access.READ, Set.of("officer", "hq-analyst", "registry-admin", "partner-eu", "partner-un"),
                    Access.WRITE, Set.of("registry-admin")),
            "/api/cooperation", Map.of(
                    Access.READ, Set.of("officer", "hq-analyst", "registry-admin"),
                    Access.WRITE, Set.of("officer", "registry-admin")),
            "/api/dashboard", Map.of(
                    Access.READ, Set.of("officer", "hq-analyst"),
                    Access.WRITE, Set.of()),
            "/api/partner", Map.of(
                    Access.READ, Set.of("partner-eu", "partner-un"),
                    Access.WRITE, Set.of("partner-eu", "partner-un")));

    /** A real caller holding each role (and only that one of the five). */
    private static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("officer", () -> Tokens.of("officer.dakar"));
        CALLERS.put("hq-analyst", () -> Tokens.of("analyst.hq"));
        CALLERS.put("registry-admin", () -> Tokens.of("admin.registry"));
        CALLERS.put("partner-eu", () -> Tokens.of("partner.eu"));
        CALLERS.put("partner-un", () -> Tokens.of("partner.un"));
        CALLERS.put("partner-eu (eu-mission-system)", Tokens::euMissionSystem);
    }

    @Test
    void theGatewayEnforcesExactlyTheMatrix() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Supplier<String>> caller : CALLERS.entrySet()) {
            String role = caller.getKey().split(" ")[0];
            String token = caller.getValue().get();
            for (String prefix : EXPECTED.keySet()) {
                for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")) {
                    Access access = method.equals("GET") || method.equals("HEAD") ? Access.READ : Access.WRITE;
                    boolean allowed = EXPECTED.get(prefix).get(access).contains(role);
                    Services.clearAll();
                    var request = given().auth().oauth2(token);
                    if (access == Access.WRITE && !method.equals("DELETE")) {
                        request.contentType("application/json").body("{}");
                    }
                    Response response = request.request(method, prefix + "/anything");
                    String what = caller.getKey() + " " + method + " " + prefix;
                    if (allowed) {
                        softly.assertThat(response.statusCode()).as(what).isEqualTo(200);
                        softly.assertThat(Services.receivedByAll()).as(what + " reached the service").isEqualTo(1);
                    } else {
                        softly.assertThat(response.statusCode()).as(what).isEqualTo(403);
                        softly.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                        softly.assertThat(Services.receivedByAll()).as(what + " reached the service").isZero();
                    }
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void otherMethodsAreRefused() {
        given().auth().oauth2(Tokens.of("admin.registry")).request("TRACE", "/api/posts/countries")
                .then().statusCode(405);
    }

    @Test
    void theTableInTheRepositoryIsTheMatrix() {
        RouteRoles table = RouteRoles.load();
        assertThat(table.prefixes()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        EXPECTED.forEach((prefix, byAccess) -> byAccess.forEach((access, roles) ->
                assertThat(table.allowed(prefix, access)).as("%s %s", prefix, access).isEqualTo(roles)));
    }

    @Test
    void theTableInTheSecurityDocumentIsTheMatrix() throws IOException {
        assertThat(documented(Files.readString(Path.of("../docs/security.md")))).isEqualTo(EXPECTED);
    }

    @Test
    void theTableInTheReadmeSecuritySectionIsTheMatrix() throws IOException {
        assertThat(documented(Files.readString(Path.of("../README.md")))).isEqualTo(EXPECTED);
    }

    /** Reads the markdown matrix between the role-matrix markers: rows "`prefix` access", ✓ per role. */
    static Map<String, Map<Access, Set<String>>> documented(String markdown) {
        int start = markdown.indexOf("<!-- role-matrix:start -->");
        int end = markdown.indexOf("<!-- role-matrix:end -->");
        assertThat(start).as("role-matrix markers").isNotNegative();
        List<String> lines = markdown.substring(start, end).lines().filter(l -> l.startsWith("|")).toList();
        List<String> header = cells(lines.get(0));
        assertThat(header.subList(1, header.size())).containsExactlyElementsOf(ROLES);
        Map<String, Map<Access, Set<String>>> table = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            String[] route = cells.get(0).replace("`", "").split(" ");
            Set<String> roles = new LinkedHashSet<>();
            for (int i = 1; i < cells.size(); i++) {
                if (cells.get(i).equals("✓")) {
                    roles.add(header.get(i));
                }
            }
            table.computeIfAbsent(route[0], p -> new LinkedHashMap<>())
                    .put(Access.valueOf(route[1].toUpperCase()), roles);
        }
        return table;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
