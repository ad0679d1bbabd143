package org.dcis.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.dcis.cooperation.support.Database;
import org.dcis.platform.reference.FieldLengths;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every field that crosses a service boundary has one length for the whole suite (the platform's
 * {@link FieldLengths}): this service's columns that keep such a field are exactly that long, as the database
 * itself reports them (information_schema), so whatever posts-service accepts, the directory, the cases and the
 * audit trail can keep.
 */
@QuarkusTest
class FieldLengthsTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void columnsOfSharedFieldsHaveTheSuitesLengths() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("directory_post.id", FieldLengths.POST_ID);
        expected.put("cooperation_case.lead_post", FieldLengths.POST_ID);
        expected.put("audit_record.post_id", FieldLengths.POST_ID);
        expected.put("directory_post.host_country", FieldLengths.COUNTRY_CODE);
        expected.put("directory_post.city", FieldLengths.CITY);
        expected.put("directory_post.embassy", FieldLengths.EMBASSY);
        expected.put("audit_record.subject", FieldLengths.SUBJECT);
        expected.put("idempotency_key.subject", FieldLengths.SUBJECT);
        expected.put("processed_event.event_id", FieldLengths.EVENT_ID);
        expected.put("processed_event.source", FieldLengths.EVENT_SOURCE);
        expected.put("processed_event.event_type", FieldLengths.EVENT_TYPE);
        expected.put("directory_post.last_event_id", FieldLengths.EVENT_ID);

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
                + " AND (column_name IN ('lead_post', 'post_id', 'post') OR column_name LIKE '%\\_post\\_id'"
                + " OR (table_name = 'directory_post' AND column_name = 'id')) ORDER BY 1");
        assertThat(columns).contains("cooperation_case.lead_post=48", "directory_post.id=48", "audit_record.post_id=48");
        assertThat(columns).allSatisfy(column -> assertThat(column).endsWith("=" + FieldLengths.POST_ID));
    }

    @Test
    void theCountryCodesAPostCoversAreCountryCodes() {
        // information_schema leaves the length of array elements null in PostgreSQL: the catalogue tells it
        assertThat(Database.strings(dataSource, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'directory_post'::regclass AND attname = 'coverage'"))
                .containsExactly("character varying(" + FieldLengths.COUNTRY_CODE + ")[]");
    }

    private int length(String table, String column) {
        List<String> found = Database.strings(dataSource, "SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = ? AND column_name = ?", table, column);
        assertThat(found).as("%s.%s", table, column).hasSize(1);
        return Integer.parseInt(found.get(0));
    }
}
