package org.dcis.cooperation.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.dcis.cooperation.support.Directory;
import org.dcis.devstack.KeycloakTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * {@code GET /partner/v1/iati-activities} through HTTP with the real client-credentials tokens of the mission
 * systems, on cases opened by an officer through the API: EU releasable (open and closed), EU restricted, EU not
 * released, EU released to the UN only, UN releasable, bilateral released to the EU. Each client's export holds
 * exactly the cases released to its organisation: the expectation is computed in the test from every case the
 * analyst reads (multilateral, its organisation, INTERNAL, releasable to it), whatever other tests left in the
 * shared database.
 */
@QuarkusTest
class IatiApiTest {
    static final String PATH = "/partner/v1/iati-activities";
    static final String REF = "XM-DAC-4";
    static final String TAG = UUID.randomUUID().toString().substring(0, 8);

    static String euReleasable;
    static String euClosed;
    static String euRestricted;
    static String euNotReleased;
    static String euReleasedToUn;
    static String unReleasable;
    static String bilateralReleased;
    static boolean opened;

    @BeforeEach
    void cases() {
        Directory.standardPosts();
        if (opened) {
            return;
        }
        euReleasable = open(multilateral("EU releasable", "EU", "EUCAP-SAHEL-MALI", "INTERNAL", List.of("EU"),
                List.of("TERRORISM", "EXPERTISE_EXPORT"), List.of("ML")));
        Map<String, Object> training = action("Judicial investigation course " + TAG);
        training.put("place", Map.of("country", "ML", "city", "Bamako"));
        as(DAKAR).body(training).post("/cases/" + euReleasable + "/actions").then().statusCode(201);

        euClosed = open(multilateral("EU releasable closed", "EU", "EUCAP-SAHEL-MALI", "INTERNAL", List.of("EU", "UN"),
                List.of("CYBERCRIME"), List.of("ML", "NE")));
        as(DAKAR).header("If-Match", "\"1\"").body(Map.of("closedOn", "2025-06-30", "result", "Done"))
                .post("/cases/" + euClosed + "/close").then().statusCode(200);

        euRestricted = open(multilateral("EU restricted", "EU", "EUCAP-SAHEL-MALI", "RESTRICTED", List.of("EU"),
                List.of("DRUG_TRAFFICKING"), List.of("ML")));
        euNotReleased = open(multilateral("EU not released", "EU", "EUCAP-SAHEL-MALI", "INTERNAL", List.of(),
                List.of("ARMS_TRAFFICKING"), List.of("ML")));
        euReleasedToUn = open(multilateral("EU released to the UN only", "EU", "EUCAP-SAHEL-MALI", "INTERNAL",
                List.of("UN"), List.of("ORGANISED_CRIME"), List.of("ML")));
        unReleasable = open(multilateral("UN releasable", "UN", "UNODC-CRIMJUST", "INTERNAL", List.of("UN"),
                List.of("DRUG_TRAFFICKING", "IRREGULAR_IMMIGRATION"), List.of("SN", "CV", "GH")));
        Map<String, Object> bilateral = bilateral("Bilateral released to the EU " + TAG, "SN-DAKAR", "CV");
        bilateral.put("releasableTo", List.of("EU"));
        bilateralReleased = open(bilateral);
        opened = true;
    }

    @Test
    void eachMissionSystemGetsExactlyTheCasesReleasedToItsOrganisation() throws Exception {
        Set<String> eu = identifiers(export(client("eu-mission-system", "eu-mission-secret")).get(PATH));
        assertThat(eu).isEqualTo(expected("EU", c -> true));
        assertThat(eu).contains(id(euReleasable), id(euClosed))
                .doesNotContain(id(euRestricted), id(euNotReleased), id(euReleasedToUn), id(unReleasable),
                        id(bilateralReleased));

        Set<String> un = identifiers(export(client("un-mission-system", "un-mission-secret")).get(PATH));
        assertThat(un).isEqualTo(expected("UN", c -> true));
        assertThat(un).contains(id(unReleasable))
                .doesNotContain(id(euReleasable), id(euClosed), id(euRestricted), id(euNotReleased),
                        id(euReleasedToUn), id(bilateralReleased));
    }

    @Test
    void theExportIsAnIati203DocumentOfTheCaseAndItsActions() throws Exception {
        Response response = export(client("eu-mission-system", "eu-mission-secret")).get(PATH).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/xml")).extract().response();
        Document document = parse(response.asByteArray());
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("/iati-activities/@version", document)).isEqualTo("2.03");
        String activity = "/iati-activities/iati-activity[iati-identifier='" + id(euReleasable) + "']";
        assertThat(xpath.evaluate(activity + "/title/narrative", document)).isEqualTo("EU releasable " + TAG);
        assertThat(xpath.evaluate(activity + "/activity-status/@code", document)).isEqualTo("2");
        assertThat(xpath.evaluate(activity + "/activity-date[@type='2']/@iso-date", document)).isEqualTo("2025-01-15");
        assertThat(xpath.evaluate(activity + "/activity-date[@type='3']/@iso-date", document)).isEqualTo("2025-03-07");
        assertThat(xpath.evaluate(activity + "/participating-org[@role='2']/@ref", document)).isEqualTo("XM-DAC-918");
        assertThat(xpath.evaluate(activity + "/participating-org[@role='2']/narrative", document))
                .isEqualTo("Union européenne – EUCAP Sahel Mali");
        assertThat(strings(xpath, activity + "/sector/@code", document)).containsExactly("15210", "15130");
        // the action's outcomes: 18 persons trained (output), 1.2 t seized (outcome)
        assertThat(xpath.evaluate(activity + "/result[@type='1']/indicator/period/actual/@value", document))
                .isEqualTo("18");
        assertThat(xpath.evaluate(activity + "/result[@type='2']/indicator/period/actual/@value", document))
                .isEqualTo("1.2");
        String closed = "/iati-activities/iati-activity[iati-identifier='" + id(euClosed) + "']";
        assertThat(xpath.evaluate(closed + "/activity-status/@code", document)).isEqualTo("4");
        assertThat(xpath.evaluate(closed + "/activity-date[@type='4']/@iso-date", document)).isEqualTo("2025-06-30");
        assertThat(strings(xpath, closed + "/recipient-country/@percentage", document)).containsExactly("50", "50");
        // nothing of a case the EU may not see, not even its title
        String body = response.asString();
        for (String hidden : List.of("EU restricted", "EU not released", "EU released to the UN only", "UN releasable",
                "Bilateral released to the EU")) {
            assertThat(body).doesNotContain(hidden + " " + TAG);
        }
    }

    @Test
    void theFiltersNarrowTheSameSetAsThePartnerCases() throws Exception {
        String eu = client("eu-mission-system", "eu-mission-secret");
        assertThat(identifiers(export(eu).queryParam("mission", "EUCAP-SAHEL-MALI").get(PATH)))
                .isEqualTo(expected("EU", c -> "EUCAP-SAHEL-MALI".equals(c.get("mission"))))
                .contains(id(euReleasable));
        assertThat(identifiers(export(eu).queryParam("status", "closed").get(PATH)))
                .isEqualTo(expected("EU", c -> "CLOSED".equals(c.get("status")))).contains(id(euClosed))
                .doesNotContain(id(euReleasable));
        assertThat(identifiers(export(eu).queryParam("theme", "CYBERCRIME").get(PATH)))
                .isEqualTo(expected("EU", c -> ((List<?>) c.get("themes")).contains("CYBERCRIME")))
                .contains(id(euClosed));
        assertThat(identifiers(export(eu).queryParam("country", "NE").get(PATH)))
                .isEqualTo(expected("EU", c -> ((List<?>) c.get("countries")).contains("NE")))
                .contains(id(euClosed));
        assertThat(identifiers(export(eu).queryParam("from", "2025-01-15").queryParam("to", "2025-01-15").get(PATH)))
                .isEqualTo(expected("EU", c -> "2025-01-15".equals(c.get("openedOn"))))
                .contains(id(euReleasable), id(euClosed));
        // a known mission of the other organisation: nothing of it (and no error)
        assertThat(identifiers(export(eu).queryParam("mission", "UNODC-CRIMJUST").get(PATH))).isEmpty();
    }

    @Test
    void aBadFilterIsA400NamingItsParameter() {
        String eu = client("eu-mission-system", "eu-mission-secret");
        Map<String, Map<String, String>> bad = new LinkedHashMap<>();
        bad.put("mission", Map.of("mission", "NO-SUCH-MISSION"));
        bad.put("country", Map.of("country", "ZZ"));
        bad.put("theme", Map.of("theme", "PIRACY"));
        bad.put("status", Map.of("status", "PLANNED"));
        bad.put("from", Map.of("from", "2025-13-01"));
        bad.put("to", Map.of("from", "2025-02-01", "to", "2025-01-31"));
        bad.forEach((parameter, query) -> export(eu).queryParams(query).get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is(parameter)));
        export(eu).queryParam("mission", "x\u0001").get(PATH).then().statusCode(400)
                .body("violations[0].field", is("mission"));
    }

    @Test
    void officersAndAnalystsAreRefusedAndAnonymousCallersUnauthenticated() {
        for (String user : List.of(DAKAR, ANALYST)) {
            given().auth().oauth2(org.dcis.cooperation.support.Tokens.of(user)).accept("application/xml").get(PATH)
                    .then().statusCode(403).contentType("application/problem+json").body("status", is(403))
                    .body("type", endsWith("/forbidden"));
        }
        given().accept("application/xml").get(PATH).then().statusCode(401).contentType("application/problem+json");
    }

    // ---------------------------------------------------------------- helpers

    /** A fresh client-credentials token of a mission system, as the system gets it from the realm. */
    static String client(String clientId, String secret) {
        return new KeycloakTokens(ConfigProvider.getConfig().getValue("dcis.test.keycloak-issuer", String.class))
                .clientToken(clientId, secret);
    }

    static RequestSpecification export(String token) {
        return given().auth().oauth2(token).accept("application/xml");
    }

    static Map<String, Object> multilateral(String title, String organisation, String mission, String handling,
            List<String> releasableTo, List<String> themes, List<String> countries) {
        Map<String, Object> body = bilateral(title + " " + TAG, "SN-DAKAR", null);
        body.put("framework", "MULTILATERAL");
        body.put("organisation", organisation);
        body.put("mission", mission);
        body.put("themes", themes);
        if (themes.contains("EXPERTISE_EXPORT")) {
            body.put("speciality", "JUDICIAL_INVESTIGATION");
        }
        body.put("countries", countries);
        body.put("handling", handling);
        body.put("releasableTo", releasableTo);
        return body;
    }

    static String open(Map<String, Object> body) {
        return as(DAKAR).body(body).post("/cases").then().statusCode(201).extract().path("id");
    }

    static String id(String caseId) {
        return REF + "-" + caseId;
    }

    /**
     * The identifiers the export must hold: every case the analyst reads that is multilateral, of the
     * organisation, handled INTERNAL and releasable to it, narrowed by {@code filter}.
     */
    static Set<String> expected(String organisation, Predicate<Map<String, Object>> filter) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath list = as(ANALYST).queryParam("framework", "MULTILATERAL").queryParam("organisation", organisation)
                    .queryParam("size", 200).queryParam("page", page).get("/cases").then().statusCode(200).extract()
                    .jsonPath();
            List<Map<String, Object>> items = list.getList("items");
            cases.addAll(items);
            if (items.isEmpty() || (long) (page + 1) * 200 >= list.getLong("total")) {
                break;
            }
        }
        return cases.stream()
                .filter(c -> "MULTILATERAL".equals(c.get("framework")) && organisation.equals(c.get("organisation"))
                        && "INTERNAL".equals(c.get("handling"))
                        && ((List<?>) c.get("releasableTo")).contains(organisation))
                .filter(filter)
                .map(c -> id((String) c.get("id"))).collect(Collectors.toSet());
    }

    static Set<String> identifiers(Response response) throws Exception {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        Document document = parse(response.asByteArray());
        List<String> ids = strings(XPathFactory.newInstance().newXPath(), "/iati-activities/iati-activity/iati-identifier",
                document);
        assertThat(ids).doesNotHaveDuplicates();
        return Set.copyOf(ids);
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> strings(XPath xpath, String path, Object context) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(path, context, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }
}
