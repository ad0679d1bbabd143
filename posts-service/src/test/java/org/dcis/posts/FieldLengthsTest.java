package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.devstack.testing.Problems.assertProblem;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.dcis.platform.reference.FieldLengths;
import org.dcis.platform.reference.PostIds;
import org.dcis.posts.support.Api;
import org.dcis.devstack.testing.Database;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every field that crosses a service boundary has one length for the whole suite (the platform's
 * {@link FieldLengths}): this service's columns that keep such a field are exactly that long, as the database
 * itself reports them (information_schema), and the API refuses longer values, so whatever the registry accepts
 * and publishes, cooperation-service's directory can keep.
 */
@QuarkusTest
class FieldLengthsTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void columnsOfSharedFieldsHaveTheSuitesLengths() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("post.id", FieldLengths.POST_ID);
        expected.put("coverage_period.post_id", FieldLengths.POST_ID);
        expected.put("assignment.post_id", FieldLengths.POST_ID);
        expected.put("audit_record.post_id", FieldLengths.POST_ID);
        expected.put("post.host_country", FieldLengths.COUNTRY_CODE);
        expected.put("coverage_period.country_code", FieldLengths.COUNTRY_CODE);
        expected.put("post.city", FieldLengths.CITY);
        expected.put("post.embassy", FieldLengths.EMBASSY);
        expected.put("post.status", FieldLengths.POST_STATUS);
        expected.put("audit_record.subject", FieldLengths.SUBJECT);
        expected.put("idempotency_key.subject", FieldLengths.SUBJECT);

        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String column : expected.keySet()) {
            String[] parts = column.split("\\.");
            actual.put(column, length(parts[0], parts[1]));
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void everyColumnHoldingAPostIdIsAsLongAsAPostId() {
        // found by name, so that a new column of a post id cannot be forgotten here
        List<String> columns = Database.strings(dataSource, "SELECT table_name || '.' || column_name || '=' || "
                + "coalesce(character_maximum_length, -1) FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND (column_name IN ('post_id', 'post') OR column_name LIKE '%\\_post\\_id'"
                + " OR (table_name = 'post' AND column_name = 'id')) ORDER BY 1");
        assertThat(columns).contains("post.id=48", "coverage_period.post_id=48", "assignment.post_id=48",
                "audit_record.post_id=48");
        assertThat(columns).allSatisfy(column -> assertThat(column).endsWith("=" + FieldLengths.POST_ID));
    }

    @Test
    void everyColumnHoldingACountryCodeIsAsLongAsACountryCode() {
        List<String> columns = Database.strings(dataSource, "SELECT table_name || '.' || column_name || '=' || "
                + "coalesce(character_maximum_length, -1) FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND (column_name LIKE '%country%') ORDER BY 1");
        assertThat(columns).contains("post.host_country=2", "coverage_period.country_code=2");
        assertThat(columns).allSatisfy(column -> assertThat(column).endsWith("=" + FieldLengths.COUNTRY_CODE));
    }

    @Test
    void theApiRefusesWhatTheColumnsCannotKeep() {
        // an alpha-3 code is longer than a country code: the host country and the covered countries are alpha-2
        assertProblem(asAdmin().body(Api.post("SN-THIES", "SEN", "Thiès", "2010-01-01", List.of())).post("/posts"),
                400, "hostCountry");
        assertProblem(asAdmin().body(Api.post("SN-THIES", "SN", "Thiès", "2010-01-01", List.of("GMB"))).post("/posts"),
                400, "coverage[0]");
        assertProblem(asAdmin().body(Api.post("SN-THIES", "SN", "T".repeat(FieldLengths.CITY + 1), "2010-01-01",
                List.of())).post("/posts"), 400, "city");
        Map<String, Object> body = new HashMap<>(Api.post("SN-THIES", "SN", "Thiès", "2010-01-01", List.of()));
        body.put("embassy", "E".repeat(FieldLengths.EMBASSY + 1));
        assertProblem(asAdmin().body(body).post("/posts"), 400, "embassy");
        String tooLong = "SN-" + "A".repeat(FieldLengths.POST_ID - 2);
        assertThat(PostIds.isValid(tooLong)).isFalse();
        assertProblem(asAdmin().body(Api.post(tooLong, "SN", "Thiès", "2010-01-01", List.of())).post("/posts"), 400, "id");
        assertProblem(asAdmin().body(Api.assignment("PN-990001", tooLong, "DEPUTY", "2024-09-01")).post("/assignments"),
                400, "postId");
        assertThat(Database.strings(dataSource, "SELECT id FROM post WHERE id LIKE 'SN-THIES%' OR id = ?", tooLong))
                .isEmpty();
    }

    @Test
    void aPostIdOfTheLongestLengthIsAccepted() {
        String id = "TV-" + "LIAISON-OFFICE-OF-THE-SOUTH-PACIFIC-ISLANDS-FUNAFUTI".substring(0, FieldLengths.POST_ID - 3);
        assertThat(id).hasSize(FieldLengths.POST_ID);
        asAdmin().body(Api.post(id, "TV", "Funafuti", "2010-01-01", List.of())).post("/posts").then()
                .statusCode(201);
        Api.as(Api.ANALYST).get("/posts/" + id).then().statusCode(200);
    }

    private int length(String table, String column) {
        List<String> found = Database.strings(dataSource, "SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = ? AND column_name = ?", table, column);
        assertThat(found).as("%s.%s", table, column).hasSize(1);
        return Integer.parseInt(found.get(0));
    }
}
