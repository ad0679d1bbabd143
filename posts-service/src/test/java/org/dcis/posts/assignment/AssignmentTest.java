package org.dcis.posts.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dcis.platform.problem.Conflict;
import org.dcis.platform.problem.DomainException;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.time.SuiteCalendar;
import org.dcis.posts.post.Calendars;
import org.dcis.posts.theme.Theme;
import org.junit.jupiter.api.Test;

/** An officer's assignments: periods, ending, one current assignment per officer; no Quarkus, no database. */
class AssignmentTest {
    private static final SuiteCalendar CALENDAR = Calendars.december6();
    private final Officer officer = new Officer("PN-700002", Force.POLICE_NATIONALE, "Commandant", "Claire", "Martin",
            Set.of(Theme.CYBERCRIME));

    private Assignment post(String postId, String startsOn, String endsOn, List<Assignment> others) {
        return Assignment.post(officer, postId, OfficerRole.LIAISON_OFFICER, LocalDate.parse(startsOn),
                endsOn == null ? null : LocalDate.parse(endsOn), others, CALENDAR);
    }

    @Test
    void aNewAssignmentIsCurrentAtVersionOneAndEndingItAddsOne() {
        Assignment assignment = post("CH-BERNE", "2023-09-01", null, List.of());
        assertThat(assignment.id()).isNotNull();
        assertThat(assignment.isCurrent()).isTrue();
        assertThat(assignment.version()).isEqualTo(1);
        assignment.end(LocalDate.of(2024, 12, 31), CALENDAR);
        assertThat(assignment.isCurrent()).isFalse();
        assertThat(assignment.endsOn()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(assignment.version()).isEqualTo(2);
    }

    @Test
    void anAssignmentEndsOnceNotBeforeItStartedAndNotInTheFuture() {
        Assignment assignment = post("CH-BERNE", "2023-09-01", null, List.of());
        assertRule(() -> assignment.end(LocalDate.of(2023, 8, 31), CALENDAR), "before startsOn");
        assertRule(() -> assignment.end(LocalDate.of(2026, 12, 8), CALENDAR), "in the future");
        // the 7th is already today at UTC+14
        assignment.end(LocalDate.of(2026, 12, 7), CALENDAR);
        assertRule(() -> assignment.end(LocalDate.of(2026, 12, 7), CALENDAR), "already ended");
        assertThat(assignment.version()).isEqualTo(2);
    }

    @Test
    void aPastAssignmentIsRecordedWithAnEndAfterItsStartThatHasCome() {
        assertRule(() -> post("CH-BERNE", "2023-09-01", "2023-08-31", List.of()), "before startsOn");
        assertRule(() -> post("CH-BERNE", "2023-09-01", "2026-12-08", List.of()), "in the future");
        Assignment past = post("CH-BERNE", "2023-09-01", "2024-08-31", List.of());
        assertThat(past.isCurrent()).isFalse();
        assertThat(past.version()).isEqualTo(1);
    }

    @Test
    void anOfficerHasOneCurrentAssignmentAtMost() {
        Assignment bern = post("CH-BERNE", "2023-09-01", null, List.of());
        assertThatThrownBy(() -> post("AT-VIENNE", "2025-01-01", null, List.of(bern))).isInstanceOf(Conflict.class)
                .hasMessageContaining("already has a current assignment at CH-BERNE")
                .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo("officer.id"));
        bern.end(LocalDate.of(2024, 12, 31), CALENDAR);
        Assignment vienna = post("AT-VIENNE", "2025-01-01", null, List.of(bern));
        assertThat(vienna.isCurrent()).isTrue();
    }

    @Test
    void anOfficersPeriodsNeverOverlap() {
        Assignment bern = post("CH-BERNE", "2023-09-01", "2024-12-31", List.of());
        for (String start : List.of("2024-12-01", "2024-12-31", "2023-09-01")) {
            assertThatThrownBy(() -> post("AT-VIENNE", start, null, List.of(bern))).as(start).isInstanceOf(Conflict.class)
                    .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo("startsOn"));
        }
        // a past period ending before the other started
        assertThatThrownBy(() -> post("AT-VIENNE", "2022-01-01", "2023-09-01", List.of(bern))).isInstanceOf(Conflict.class);
        assertThat(post("AT-VIENNE", "2022-01-01", "2023-08-31", List.of(bern)).endsOn()).isEqualTo(LocalDate.of(2023, 8, 31));
        assertThat(post("AT-VIENNE", "2025-01-01", null, List.of(bern)).isCurrent()).isTrue();
    }

    @Test
    void theOfficersRecordFollowsTheLatestDescription() {
        officer.describe(Force.POLICE_NATIONALE, "Commandant divisionnaire", "Claire", "Martin",
                Set.of(Theme.CYBERCRIME, Theme.TERRORISM));
        AssignmentState.OfficerState state = officer.state();
        assertThat(state.rank()).isEqualTo("Commandant divisionnaire");
        assertThat(state.specialities()).containsExactly(Theme.CYBERCRIME, Theme.TERRORISM);
        assertThat(state.familyName()).isEqualTo("Martin");
    }

    private static void assertRule(Runnable change, String message) {
        assertThatThrownBy(change::run).isInstanceOf(RuleViolation.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo("endsOn"));
    }
}
