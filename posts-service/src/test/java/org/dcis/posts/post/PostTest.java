package org.dcis.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.dcis.platform.problem.DomainException;
import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.problem.ProblemType;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.time.SuiteCalendar;
import org.junit.jupiter.api.Test;

/** The post's lifecycle and dates, without Quarkus or a database: the calendar and the ledger are arguments. */
class PostTest {
    private static final SuiteCalendar CALENDAR = Calendars.december6();
    private final InMemoryLedger ledger = new InMemoryLedger();

    private Post open(String id, String host, String openedOn, String... coverage) {
        return ledger.add(Post.open(id, host, "City", "Ambassade", LocalDate.parse(openedOn),
                new Contact("dsi@example.org", null), Set.of(coverage), CALENDAR, ledger));
    }

    @Test
    void aNewPostIsOpenAtVersionOneAndCoversItsHostCountry() {
        Post post = open("SN-DAKAR", "SN", "2011-09-01", "GM", "CV");
        assertThat(post.status()).isEqualTo(PostStatus.OPEN);
        assertThat(post.version()).isEqualTo(1);
        assertThat(post.openedOn()).isEqualTo(LocalDate.of(2011, 9, 1));
        assertThat(post.closedOn()).isNull();
        assertThat(post.currentCoverage()).containsExactly("CV", "GM", "SN");
        assertThat(post.coverageHistory()).allSatisfy(p -> assertThat(p.validFrom()).isEqualTo(post.openedOn()));
    }

    @Test
    void anIdNamesTheHostCountryAndTheCity() {
        assertThatThrownBy(() -> open("dakar", "SN", "2011-09-01")).isInstanceOf(InvalidParameter.class)
                .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo("id"));
        assertThatThrownBy(() -> open("ML-DAKAR", "SN", "2011-09-01")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("host country code SN-");
    }

    @Test
    void aPostIsRecordedOnceOpenNotInAdvance() {
        // the 7th is today somewhere (UTC+14) at 10:00 UTC on the 6th; the 8th is today nowhere yet
        assertThat(open("FJ-SUVA", "FJ", "2026-12-07").openedOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThatThrownBy(() -> open("TO-NUKUALOFA", "TO", "2026-12-08")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("in the future")
                .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo("openedOn"));
    }

    @Test
    void suspendReopenAndCloseEachAddOneVersion() {
        Post post = open("IS-REYKJAVIK", "IS", "2018-09-01", "GL");
        post.suspend(LocalDate.of(2024, 1, 10), CALENDAR);
        assertThat(post.status()).isEqualTo(PostStatus.SUSPENDED);
        assertThat(post.version()).isEqualTo(2);
        post.resume(LocalDate.of(2024, 3, 1), CALENDAR);
        assertThat(post.status()).isEqualTo(PostStatus.OPEN);
        assertThat(post.version()).isEqualTo(3);
        post.update("Reykjavik", "Ambassade de France en Islande", null);
        assertThat(post.embassy()).isEqualTo("Ambassade de France en Islande");
        assertThat(post.version()).isEqualTo(4);
        post.close(LocalDate.of(2025, 1, 31), 0, CALENDAR);
        assertThat(post.status()).isEqualTo(PostStatus.CLOSED);
        assertThat(post.closedOn()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(post.version()).isEqualTo(5);
        // closing releases the coverage on the closing day, history kept
        assertThat(post.currentCoverage()).isEmpty();
        assertThat(post.coverageOn(LocalDate.of(2025, 1, 30))).containsExactly("GL", "IS");
        assertThat(post.coverageHistory()).allSatisfy(p -> assertThat(p.validTo()).isEqualTo(LocalDate.of(2025, 1, 31)));
    }

    @Test
    void onlyTheLifecycleTransitionsAreAllowed() {
        Post post = open("MT-LA-VALETTE", "MT", "2019-09-01");
        assertRule(() -> post.resume(LocalDate.of(2024, 1, 1), CALENDAR), "status");
        post.suspend(LocalDate.of(2024, 1, 1), CALENDAR);
        assertRule(() -> post.suspend(LocalDate.of(2024, 1, 2), CALENDAR), "status");
        // a suspended post can be closed, a closed post is final
        post.close(LocalDate.of(2024, 2, 1), 0, CALENDAR);
        assertRule(() -> post.close(LocalDate.of(2024, 2, 2), 0, CALENDAR), "status");
        assertRule(() -> post.resume(LocalDate.of(2024, 2, 2), CALENDAR), "status");
        assertRule(() -> post.suspend(LocalDate.of(2024, 2, 2), CALENDAR), "status");
        assertRule(() -> post.update("La Valette", "x", null), "status");
        assertRule(() -> post.requireOpenForAssignments(LocalDate.of(2024, 3, 1)), "postId");
        assertThat(post.version()).isEqualTo(3);
    }

    @Test
    void datesOfChangesAreNeitherBeforeTheOpeningNorInTheFuture() {
        Post post = open("LU-LUXEMBOURG", "LU", "2019-09-01");
        assertRule(() -> post.suspend(LocalDate.of(2019, 8, 31), CALENDAR), "on");
        assertRule(() -> post.suspend(LocalDate.of(2026, 12, 8), CALENDAR), "on");
        assertRule(() -> post.close(LocalDate.of(2019, 8, 31), 0, CALENDAR), "on");
        assertRule(() -> post.close(LocalDate.of(2026, 12, 8), 0, CALENDAR), "on");
        assertRule(() -> post.requireOpenForAssignments(LocalDate.of(2018, 1, 1)), "startsOn");
        post.requireOpenForAssignments(LocalDate.of(2019, 9, 1));
        post.suspend(LocalDate.of(2026, 12, 7), CALENDAR);
        assertThat(post.version()).isEqualTo(2);
    }

    @Test
    void aPostWithOfficersCannotClose() {
        Post post = open("LV-RIGA", "LV", "2019-09-01");
        assertThatThrownBy(() -> post.close(LocalDate.of(2025, 6, 30), 2, CALENDAR)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("2 current assignment");
        assertThat(post.status()).isEqualTo(PostStatus.OPEN);
        assertThat(post.currentCoverage()).containsExactly("LV");
        assertThat(post.version()).isEqualTo(1);
    }

    @Test
    void aStaffChangeIsAChangeOfThePost() {
        Post post = open("SE-STOCKHOLM", "SE", "2010-09-01");
        post.staffChanged();
        post.staffChanged();
        assertThat(post.version()).isEqualTo(3);
    }

    private static void assertRule(Runnable change, String field) {
        assertThatThrownBy(change::run).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((DomainException) e).type()).isEqualTo(ProblemType.RULE_BROKEN))
                .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo(field));
    }
}
