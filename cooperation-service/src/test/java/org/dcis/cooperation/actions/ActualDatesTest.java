package org.dcis.cooperation.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.devstack.testing.Problems.assertProblem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An action never ends before it starts (issue 14): revising only {@code actualStart} is checked against the
 * stored {@code actualEnd} (422), and the database refuses such a row whatever writes it (CHECK constraint).
 */
@QuarkusTest
class ActualDatesTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void revisingOnlyTheActualStartCannotLeaveTheActualEndBeforeIt() {
        Directory.standardPosts();
        String caseId = as(DAKAR).body(bilateral("Actual dates " + UUID.randomUUID(), "SN-DAKAR", "SN")).post("/cases")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> done = action("Done");
        done.put("actualStart", "2025-03-03");
        done.put("actualEnd", "2025-03-05");
        String id = as(DAKAR).body(done).post("/cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");

        Map<String, Object> laterStart = action("Done");
        laterStart.put("actualStart", "2025-03-08");
        assertProblem(as(DAKAR).header("If-Match", "\"1\"").body(laterStart).put("/actions/" + id), 422, "actualStart");
        as(ANALYST).get("/actions/" + id).then().statusCode(200)
                .body("actualStart", org.hamcrest.Matchers.is("2025-03-03"))
                .body("actualEnd", org.hamcrest.Matchers.is("2025-03-05"))
                .body("version", org.hamcrest.Matchers.is(1));

        // whatever writes the row, the database keeps the rule
        assertThatThrownBy(() -> update("UPDATE cooperation_action SET actual_start = actual_end + 3 WHERE id = ?", id))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
        assertThatThrownBy(() -> update("UPDATE cooperation_action SET actual_start = NULL WHERE id = ?", id))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
    }

    private void update(String sql, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            statement.executeUpdate();
        }
    }
}
