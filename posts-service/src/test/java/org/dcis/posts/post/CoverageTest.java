package org.dcis.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.dcis.platform.problem.Conflict;
import org.dcis.platform.problem.DomainException;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.time.SuiteCalendar;
import org.junit.jupiter.api.Test;

/** Coverage: a country is covered by one post at a time, and every change is kept as history. */
class CoverageTest {
    private static final SuiteCalendar CALENDAR = Calendars.december6();
    private final InMemoryLedger ledger = new InMemoryLedger();

    private Post open(String id, String host, String openedOn, String... coverage) {
        return ledger.add(Post.open(id, host, "City", "Ambassade", LocalDate.parse(openedOn), null, Set.of(coverage),
                CALENDAR, ledger));
    }

    @Test
    void aCountryIsCoveredByOnePostAtATime() {
        open("EE-TALLINN", "EE", "2015-09-01", "LV");
        assertThatThrownBy(() -> open("LT-VILNIUS", "LT", "2016-09-01", "LV")).isInstanceOf(Conflict.class)
                .hasMessageContaining("country LV is already covered by post EE-TALLINN")
                .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo("coverage"));
        Post vilnius = open("LT-VILNIUS", "LT", "2016-09-01");
        assertThatThrownBy(() -> vilnius.changeCoverage(Set.of("LT", "LV"), LocalDate.of(2020, 1, 1), CALENDAR, ledger))
                .isInstanceOf(Conflict.class).hasMessageContaining("EE-TALLINN")
                .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo("countries"));
        assertThat(vilnius.currentCoverage()).containsExactly("LT");
        assertThat(vilnius.version()).isEqualTo(1);
    }

    @Test
    void aChangeEndsTheOldPeriodAndStartsTheNewOne() {
        Post lisbon = open("PT-LISBONNE", "PT", "2015-01-01", "CV", "ST");
        lisbon.changeCoverage(Set.of("PT", "ST", "AO"), LocalDate.of(2020, 6, 1), CALENDAR, ledger);
        assertThat(lisbon.version()).isEqualTo(2);
        assertThat(lisbon.currentCoverage()).containsExactly("AO", "PT", "ST");
        assertThat(lisbon.coverageHistory()).extracting(CoveragePeriod::countryCode, CoveragePeriod::validFrom,
                CoveragePeriod::validTo).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("PT", LocalDate.of(2015, 1, 1), null),
                        org.assertj.core.groups.Tuple.tuple("ST", LocalDate.of(2015, 1, 1), null),
                        org.assertj.core.groups.Tuple.tuple("CV", LocalDate.of(2015, 1, 1), LocalDate.of(2020, 6, 1)),
                        org.assertj.core.groups.Tuple.tuple("AO", LocalDate.of(2020, 6, 1), null));
    }

    @Test
    void coverageAnswersForAPastDate() {
        Post lisbon = open("PT-LISBONNE", "PT", "2015-01-01", "CV", "ST");
        lisbon.changeCoverage(Set.of("PT", "ST"), LocalDate.of(2020, 6, 1), CALENDAR, ledger);
        Post bissau = open("GW-BISSAU", "GW", "2020-06-01", "CV");
        assertThat(lisbon.coverageOn(LocalDate.of(2018, 3, 15))).containsExactly("CV", "PT", "ST");
        // validTo is exclusive: on the day of the change the new post covers the country
        assertThat(lisbon.coverageOn(LocalDate.of(2020, 6, 1))).containsExactly("PT", "ST");
        assertThat(bissau.coverageOn(LocalDate.of(2020, 6, 1))).containsExactly("CV", "GW");
        assertThat(bissau.coverageOn(LocalDate.of(2020, 5, 31))).isEmpty();
        assertThat(lisbon.coverageOn(LocalDate.of(2014, 12, 31))).isEmpty();
    }

    @Test
    void aClaimMayNotRewriteHistory() {
        Post lisbon = open("PT-LISBONNE", "PT", "2015-01-01", "CV");
        lisbon.changeCoverage(Set.of("PT"), LocalDate.of(2020, 6, 1), CALENDAR, ledger);
        Post bissau = open("GW-BISSAU", "GW", "2019-01-01");
        assertThatThrownBy(() -> bissau.changeCoverage(Set.of("GW", "CV"), LocalDate.of(2020, 5, 31), CALENDAR, ledger))
                .isInstanceOf(Conflict.class).hasMessageContaining("was covered until 2020-06-01");
        bissau.changeCoverage(Set.of("GW", "CV"), LocalDate.of(2020, 6, 1), CALENDAR, ledger);
        assertThat(bissau.currentCoverage()).containsExactly("CV", "GW");
        // its own history counts too: dropping CV and taking it back before that day is refused
        bissau.changeCoverage(Set.of("GW"), LocalDate.of(2021, 1, 1), CALENDAR, ledger);
        assertThatThrownBy(() -> bissau.changeCoverage(Set.of("GW", "CV"), LocalDate.of(2020, 12, 1), CALENDAR, ledger))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aClosedPostReleasesItsCountries() {
        Post reykjavik = open("IS-REYKJAVIK", "IS", "2018-09-01", "GL");
        reykjavik.close(LocalDate.of(2025, 1, 31), 0, CALENDAR);
        assertThatThrownBy(() -> open("DK-COPENHAGUE", "DK", "2012-09-01", "GL")).isInstanceOf(Conflict.class)
                .hasMessageContaining("covered until 2025-01-31");
        Post copenhagen = open("DK-COPENHAGUE", "DK", "2025-01-31", "GL");
        assertThat(copenhagen.currentCoverage()).containsExactly("DK", "GL");
    }

    @Test
    void theRulesOfAChange() {
        Post post = open("HU-BUDAPEST", "HU", "2010-09-01", "SK");
        assertRule(() -> post.changeCoverage(Set.of("SK"), LocalDate.of(2020, 1, 1), CALENDAR, ledger), "countries",
                "always covers its host country");
        assertRule(() -> post.changeCoverage(Set.of("HU", "SK"), LocalDate.of(2020, 1, 1), CALENDAR, ledger), "countries",
                "already");
        assertRule(() -> post.changeCoverage(Set.of("HU"), LocalDate.of(2010, 8, 31), CALENDAR, ledger), "effectiveOn",
                "before the post opened");
        assertRule(() -> post.changeCoverage(Set.of("HU"), LocalDate.of(2026, 12, 8), CALENDAR, ledger), "effectiveOn",
                "in the future");
        post.changeCoverage(Set.of("HU"), LocalDate.of(2026, 12, 7), CALENDAR, ledger);
        post.close(LocalDate.of(2026, 12, 7), 0, CALENDAR);
        assertRule(() -> post.changeCoverage(Set.of("HU", "SK"), LocalDate.of(2026, 12, 7), CALENDAR, ledger), "countries",
                "closed");
        assertThat(post.version()).isEqualTo(3);
    }

    private static void assertRule(Runnable change, String field, String message) {
        assertThatThrownBy(change::run).isInstanceOf(RuleViolation.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo(field));
    }
}
