package org.dcis.cooperation.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Rules.calendarAt;
import static org.dcis.cooperation.support.Rules.refused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dcis.platform.time.SuiteCalendar;
import org.junit.jupiter.api.Test;

/** The rules an action guards by itself (dates, outcomes, lifecycle, versions), without Quarkus or a database. */
class CooperationActionTest {
    private static final SuiteCalendar NOON = calendarAt("2025-03-10T12:00:00Z");
    /** 2026-12-06 23:30 UTC: already the 7th in Paris and Tokyo, not yet the 8th anywhere. */
    private static final SuiteCalendar NIGHT = calendarAt("2026-12-06T23:30:00Z");
    private static final UUID CASE = UUID.randomUUID();

    private static ActionTerms terms(LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
            LocalDate actualEnd, List<Outcome> outcomes) {
        return new ActionTerms(ActionKind.TECHNICAL, ActionType.TRAINING, " Maritime interdiction course ", null,
                plannedStart, plannedEnd, actualStart, actualEnd, new Place("CV", "Praia"), null, outcomes);
    }

    private static ActionTerms planned() {
        return terms(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 7), null, null, null);
    }

    private static CooperationAction logged() {
        return CooperationAction.log(CASE, planned(), "subject-1", NOON);
    }

    @Test
    void aLoggedActionIsPlannedAtVersionOneWithNoParticipantsUnlessSaid() {
        ActionSnapshot action = logged().snapshot();
        assertThat(action.status()).isEqualTo(ActionStatus.PLANNED);
        assertThat(action.version()).isEqualTo(1);
        assertThat(action.caseId()).isEqualTo(CASE);
        assertThat(action.title()).isEqualTo("Maritime interdiction course");
        assertThat(action.participants()).isEqualTo(new Participants(0, 0, 0, null));
        assertThat(action.outcomes()).isEmpty();
        assertThat(action.createdAt()).isEqualTo(NOON.now()).isEqualTo(action.updatedAt());
    }

    @Test
    void theLifecycleGoesPlannedInProgressCompletedAndRefusesEverythingElse() {
        CooperationAction action = logged();
        refused(() -> action.changeStatus(new StatusChange(ActionStatus.COMPLETED, null, null), NOON), "status",
                "from PLANNED to COMPLETED");
        refused(() -> action.changeStatus(new StatusChange(ActionStatus.PLANNED, null, null), NOON), "status",
                "from PLANNED to PLANNED");

        assertThat(action.changeStatus(new StatusChange(ActionStatus.IN_PROGRESS, null, null), NOON))
                .isEqualTo(ActionStatus.PLANNED);
        assertThat(action.snapshot().actualStart()).as("today in Paris").isEqualTo(LocalDate.of(2025, 3, 10));
        refused(() -> action.changeStatus(new StatusChange(ActionStatus.COMPLETED, null, LocalDate.of(2025, 3, 9)), NOON),
                "on", "before it started");
        assertThat(action.changeStatus(new StatusChange(ActionStatus.COMPLETED, null, LocalDate.of(2025, 3, 10)), NOON))
                .isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(action.snapshot().actualEnd()).isEqualTo(LocalDate.of(2025, 3, 10));

        assertThat(action.status().isFinal()).isTrue();
        refused(() -> action.changeStatus(new StatusChange(ActionStatus.CANCELLED, "too late", null), NOON), "status",
                "from COMPLETED to CANCELLED");
        refused(() -> action.revise(planned(), NOON), "status", "can no longer change");
    }

    @Test
    void aStartedActionKeepsTheActualStartItWasGiven() {
        CooperationAction action = CooperationAction.log(CASE,
                terms(LocalDate.of(2025, 3, 3), null, LocalDate.of(2025, 3, 4), null, null), "s", NOON);
        action.changeStatus(new StatusChange(ActionStatus.IN_PROGRESS, null, LocalDate.of(2025, 3, 6)), NOON);
        assertThat(action.snapshot().actualStart()).isEqualTo(LocalDate.of(2025, 3, 4));
    }

    @Test
    void aCancellationNeedsAReasonAndIsFinal() {
        CooperationAction action = logged();
        refused(() -> action.changeStatus(new StatusChange(ActionStatus.CANCELLED, null, null), NOON), "reason",
                "needs a reason");
        refused(() -> action.changeStatus(new StatusChange(ActionStatus.CANCELLED, "  ", null), NOON), "reason",
                "needs a reason");
        assertThat(action.status()).isEqualTo(ActionStatus.PLANNED);

        action.changeStatus(new StatusChange(ActionStatus.CANCELLED, " Partner service reorganised ", null), NOON);
        assertThat(action.snapshot().cancellationReason()).isEqualTo("Partner service reorganised");
        refused(() -> action.changeStatus(new StatusChange(ActionStatus.IN_PROGRESS, null, null), NOON), "status",
                "from CANCELLED to IN_PROGRESS");

        CooperationAction started = logged();
        started.changeStatus(new StatusChange(ActionStatus.IN_PROGRESS, null, null), NOON);
        started.changeStatus(new StatusChange(ActionStatus.CANCELLED, "Security situation", null), NOON);
        assertThat(started.status()).isEqualTo(ActionStatus.CANCELLED);
    }

    @Test
    void plannedAndActualDatesKeepTheirOrder() {
        refused(() -> CooperationAction.log(CASE, terms(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 1), null, null,
                null), "s", NOON), "plannedEnd", "before the planned start");
        refused(() -> CooperationAction.log(CASE, terms(LocalDate.of(2025, 3, 3), null, null, LocalDate.of(2025, 3, 5),
                null), "s", NOON), "actualStart", "needs an actual start");
        refused(() -> CooperationAction.log(CASE, terms(LocalDate.of(2025, 3, 3), null, LocalDate.of(2025, 3, 5),
                LocalDate.of(2025, 3, 4), null), "s", NOON), "actualEnd", "before the actual start");
    }

    @Test
    void plansMayLieAheadButWhatHappenedIsTodaySomewhereOnEarthAtTheLatest() {
        LocalDate tokyoToday = LocalDate.of(2026, 12, 7);
        LocalDate todayNowhere = LocalDate.of(2026, 12, 8);
        ActionSnapshot logged = CooperationAction.log(CASE, terms(tokyoToday, null, tokyoToday, null, null), "s", NIGHT)
                .snapshot();
        assertThat(logged.actualStart()).isEqualTo(tokyoToday);
        assertThat(CooperationAction.log(CASE, terms(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 3), null, null, null),
                "s", NIGHT).snapshot().plannedStart()).isEqualTo(LocalDate.of(2027, 6, 1));

        refused(() -> CooperationAction.log(CASE, terms(tokyoToday, null, todayNowhere, null, null), "s", NIGHT),
                "actualStart", "in the future");
        refused(() -> CooperationAction.log(CASE, terms(tokyoToday, null, tokyoToday, todayNowhere, null), "s", NIGHT),
                "actualEnd", "in the future");
        CooperationAction action = CooperationAction.log(CASE, terms(tokyoToday, null, null, null, null), "s", NIGHT);
        refused(() -> action.changeStatus(new StatusChange(ActionStatus.IN_PROGRESS, null, todayNowhere), NIGHT), "on",
                "in the future");
        action.changeStatus(new StatusChange(ActionStatus.IN_PROGRESS, null, null), NIGHT);
        assertThat(action.snapshot().actualStart()).as("today in Paris").isEqualTo(tokyoToday);
    }

    /** Issue 14: a revision that gives only a new actual start is checked against the actual end already stored. */
    @Test
    void aRevisedActualStartNeverLeavesTheStoredActualEndBeforeIt() {
        CooperationAction action = CooperationAction.log(CASE,
                terms(LocalDate.of(2025, 3, 3), null, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 5), null), "s", NOON);
        refused(() -> action.revise(terms(LocalDate.of(2025, 3, 3), null, LocalDate.of(2025, 3, 8), null, null), NOON),
                "actualStart", "after the actual end");
        assertThat(action.snapshot().actualStart()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(action.snapshot().actualEnd()).isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(action.version()).isEqualTo(1);
        action.revise(terms(LocalDate.of(2025, 3, 3), null, LocalDate.of(2025, 3, 4), null, null), NOON);
        assertThat(action.snapshot().actualStart()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(action.snapshot().actualEnd()).isEqualTo(LocalDate.of(2025, 3, 5));
        // a new actual end alone is checked against the stored start too
        refused(() -> action.revise(terms(LocalDate.of(2025, 3, 3), null, null, LocalDate.of(2025, 3, 1), null), NOON),
                "actualEnd", "before the actual start");
    }

    @Test
    void aSeizureIsCountedInAUnit() {
        List<Outcome> seizureWithoutUnit = List.of(new Outcome(Indicator.ARRESTS, BigDecimal.valueOf(4), null, null),
                new Outcome(Indicator.SEIZURE, BigDecimal.valueOf(3), " ", null));
        refused(() -> CooperationAction.log(CASE, terms(LocalDate.of(2025, 3, 3), null, null, null, seizureWithoutUnit),
                "s", NOON), "outcomes[1].unit", "needs a unit");
        List<Outcome> outcomes = List.of(new Outcome(Indicator.SEIZURE, new BigDecimal("1.2"), "t", "cocaine"),
                new Outcome(Indicator.PERSONS_TRAINED, BigDecimal.valueOf(18), null, null));
        assertThat(CooperationAction.log(CASE, terms(LocalDate.of(2025, 3, 3), null, null, null, outcomes), "s", NOON)
                .snapshot().outcomes()).containsExactlyElementsOf(outcomes);
    }

    @Test
    void everyChangeAddsOneToTheVersionAndARefusedOneNothing() {
        CooperationAction action = logged();
        action.revise(terms(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 14), null, null, null), NOON);
        assertThat(action.version()).isEqualTo(2);
        assertThat(action.snapshot().plannedEnd()).isEqualTo(LocalDate.of(2025, 3, 14));
        refused(() -> action.revise(terms(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 1), null, null, null), NOON),
                "plannedEnd", "before the planned start");
        assertThat(action.version()).isEqualTo(2);
        assertThat(action.snapshot().plannedEnd()).isEqualTo(LocalDate.of(2025, 3, 14));
        action.changeStatus(new StatusChange(ActionStatus.IN_PROGRESS, null, null), NOON);
        assertThat(action.version()).isEqualTo(3);
    }
}
