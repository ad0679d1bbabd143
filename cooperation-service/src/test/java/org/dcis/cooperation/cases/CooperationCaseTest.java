package org.dcis.cooperation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Rules.calendarAt;
import static org.dcis.cooperation.support.Rules.refused;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dcis.cooperation.directory.DirectoryPost;
import org.dcis.cooperation.directory.PostSnapshot;
import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.missions.MissionTerms;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.security.Caller;
import org.dcis.platform.security.Roles;
import org.dcis.platform.time.SuiteCalendar;
import org.junit.jupiter.api.Test;

/** The rules a case guards by itself, without Quarkus or a database. */
class CooperationCaseTest {
    /** 2026-12-06 23:30 UTC: 00:30 on the 7th in Paris, 08:30 on the 7th in Tokyo, 13:30 on the 7th in Kiritimati. */
    private static final SuiteCalendar NIGHT = calendarAt("2026-12-06T23:30:00Z");
    private static final SuiteCalendar NOON = calendarAt("2025-07-01T12:00:00Z");
    private static final DirectoryPost DAKAR = DirectoryPost.from(new PostSnapshot("SN-DAKAR", "SN", "Dakar",
            "Ambassade de France au Sénégal", "OPEN", LocalDate.of(2011, 9, 1), null, List.of("SN", "GM", "CV", "GW"), 4,
            7), "event-1", Instant.parse("2025-01-01T00:00:00Z"));
    private static final Mission EUCAP_MALI = Mission.create("EUCAP-SAHEL-MALI", new MissionTerms("EUCAP Sahel Mali",
            Organisation.EU, List.of("ML"), LocalDate.of(2015, 1, 15), null), Instant.parse("2025-01-01T00:00:00Z"));

    private static CaseTerms bilateral(String partner) {
        return new CaseTerms("Cocaine routes", "Support to the judicial police", Framework.BILATERAL, partner, null, null,
                List.of(Theme.DRUG_TRAFFICKING), null, "SN-DAKAR", List.of(), null, null, LocalDate.of(2025, 1, 15),
                "Fewer shipments");
    }

    private static CaseTerms multilateral(Organisation organisation, String mission) {
        return new CaseTerms("Judicial training", null, Framework.MULTILATERAL, null, organisation, mission,
                List.of(Theme.TERRORISM), null, "SN-DAKAR", List.of("ML"), Handling.RESTRICTED,
                List.of(Organisation.UN, Organisation.EU, Organisation.EU), LocalDate.of(2025, 1, 15), null);
    }

    private static CaseTerms with(CaseTerms t, LocalDate openedOn) {
        return new CaseTerms(t.title(), t.summary(), t.framework(), t.partnerCountry(), t.organisation(), t.mission(),
                t.themes(), t.speciality(), t.leadPost(), t.countries(), t.handling(), t.releasableTo(), openedOn,
                t.expectedReturn());
    }

    private static CooperationCase open(CaseTerms terms) {
        return CooperationCase.open(terms, DAKAR, null, "subject-1", NOON);
    }

    @Test
    void aBilateralCaseNeedsAPartnerCountryCoveredByItsLeadPostAndNoOrganisation() {
        CaseSnapshot opened = open(bilateral("CV")).snapshot();
        assertThat(opened.partnerCountry()).isEqualTo("CV");
        assertThat(opened.countries()).containsExactly("CV");
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);

        refused(() -> open(bilateral(null)), "partnerCountry", "needs a partner country");
        refused(() -> open(bilateral("ML")), "partnerCountry", "not covered by lead post SN-DAKAR");
        CaseTerms withOrganisation = new CaseTerms("x", null, Framework.BILATERAL, "SN", Organisation.EU, null,
                List.of(Theme.CYBERCRIME), null, "SN-DAKAR", null, null, null, null, null);
        refused(() -> open(withOrganisation), "organisation", "no organisation nor mission");
        CaseTerms withMission = new CaseTerms("x", null, Framework.BILATERAL, "SN", null, "EUCAP-SAHEL-MALI",
                List.of(Theme.CYBERCRIME), null, "SN-DAKAR", null, null, null, null, null);
        refused(() -> CooperationCase.open(withMission, DAKAR, EUCAP_MALI, "s", NOON), "mission",
                "no organisation nor mission");
    }

    @Test
    void aMultilateralCaseNeedsAnOrganisationNoPartnerCountryAndAMissionOfThatOrganisation() {
        CaseSnapshot opened = CooperationCase.open(multilateral(Organisation.EU, "EUCAP-SAHEL-MALI"), DAKAR, EUCAP_MALI,
                "s", NOON).snapshot();
        assertThat(opened.mission()).isEqualTo("EUCAP-SAHEL-MALI");
        assertThat(opened.organisation()).isEqualTo(Organisation.EU);
        assertThat(opened.partnerCountry()).isNull();
        // a multilateral case's countries need not be in the lead post's coverage
        assertThat(opened.countries()).containsExactly("ML");

        refused(() -> CooperationCase.open(multilateral(Organisation.UN, "EUCAP-SAHEL-MALI"), DAKAR, EUCAP_MALI, "s", NOON),
                "mission", "belongs to EU, not to UN");
        refused(() -> open(multilateral(null, null)), "organisation", "needs an organisation");
        CaseTerms withPartner = new CaseTerms("x", null, Framework.MULTILATERAL, "SN", Organisation.EU, null,
                List.of(Theme.CYBERCRIME), null, "SN-DAKAR", null, null, null, null, null);
        refused(() -> open(withPartner), "partnerCountry", "no single partner country");
    }

    @Test
    void expertiseExportAndOnlyItNamesASpeciality() {
        CaseTerms export = new CaseTerms("x", null, Framework.BILATERAL, "SN", null, null,
                List.of(Theme.EXPERTISE_EXPORT), ExpertiseSpeciality.FORENSIC_SCIENCE, "SN-DAKAR", null, null, null, null,
                null);
        assertThat(open(export).snapshot().speciality()).isEqualTo(ExpertiseSpeciality.FORENSIC_SCIENCE);
        CaseTerms exportWithout = new CaseTerms("x", null, Framework.BILATERAL, "SN", null, null,
                List.of(Theme.EXPERTISE_EXPORT), null, "SN-DAKAR", null, null, null, null, null);
        refused(() -> open(exportWithout), "speciality", "needs a speciality");
        CaseTerms specialityWithout = new CaseTerms("x", null, Framework.BILATERAL, "SN", null, null,
                List.of(Theme.CYBERCRIME), ExpertiseSpeciality.FORENSIC_SCIENCE, "SN-DAKAR", null, null, null, null, null);
        refused(() -> open(specialityWithout), "speciality", "only with theme EXPERTISE_EXPORT");
    }

    @Test
    void handlingIsInternalUnlessRestrictedAndReleasabilityIsASortedSetOfOrganisations() {
        CaseSnapshot internal = open(bilateral("SN")).snapshot();
        assertThat(internal.handling()).isEqualTo(Handling.INTERNAL);
        assertThat(internal.releasableTo()).isEmpty();

        CaseSnapshot restricted = CooperationCase.open(multilateral(Organisation.EU, null), DAKAR, null, "s", NOON)
                .snapshot();
        assertThat(restricted.handling()).isEqualTo(Handling.RESTRICTED);
        assertThat(restricted.releasableTo()).containsExactly(Organisation.EU, Organisation.UN);
    }

    @Test
    void aRestrictedCaseIsReadByItsLeadPostAndHqOnly() {
        CooperationCase restricted = CooperationCase.open(multilateral(Organisation.EU, null), DAKAR, null, "s", NOON);
        CooperationCase internal = open(bilateral("SN"));
        Caller dakar = new Caller("s1", "officer.dakar", "SN-DAKAR", Set.of(Roles.OFFICER));
        Caller bogota = new Caller("s2", "officer.bogota", "CO-BOGOTA", Set.of(Roles.OFFICER));
        Caller analyst = new Caller("s3", "analyst.hq", null, Set.of(Roles.HQ_ANALYST));
        Caller partner = new Caller("s4", "partner.eu", null, Set.of(Roles.PARTNER_EU));

        assertThat(restricted.isVisibleTo(dakar)).isTrue();
        assertThat(restricted.isVisibleTo(analyst)).isTrue();
        assertThat(restricted.isVisibleTo(bogota)).isFalse();
        assertThat(internal.isVisibleTo(bogota)).isTrue();
        assertThat(internal.isVisibleTo(partner)).isFalse();
    }

    @Test
    void theOpeningDateIsTodayInParisByDefaultAndNeverAfterTodayEverywhere() {
        // 23:30 UTC on the 6th is already the 7th in Paris
        assertThat(CooperationCase.open(with(bilateral("SN"), null), DAKAR, null, "s", NIGHT).snapshot().openedOn())
                .isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(CooperationCase.open(with(bilateral("SN"), null), DAKAR, null, "s",
                calendarAt("2026-12-06T22:30:00Z")).snapshot().openedOn()).isEqualTo(LocalDate.of(2026, 12, 6));
        // the 7th is also today in Tokyo: allowed; the 8th is today nowhere yet
        assertThat(CooperationCase.open(with(bilateral("SN"), LocalDate.of(2026, 12, 7)), DAKAR, null, "s", NIGHT)
                .snapshot().openedOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        refused(() -> CooperationCase.open(with(bilateral("SN"), LocalDate.of(2026, 12, 8)), DAKAR, null, "s", NIGHT),
                "openedOn", "in the future");
    }

    @Test
    void aCaseClosesOnceNeitherBeforeItOpenedNorInTheFutureAndThenNeverChanges() {
        CooperationCase c = open(bilateral("SN"));
        refused(() -> c.close(new CaseClosure(LocalDate.of(2024, 1, 1), null), NOON), "closedOn", "before it opened");
        refused(() -> c.close(new CaseClosure(LocalDate.of(2025, 7, 3), null), NOON), "closedOn", "in the future");
        refused(() -> c.close(new CaseClosure(null, "x".repeat(990)), NOON), "result", "exceed 1000 characters");
        assertThat(c.snapshot().status()).isEqualTo(CaseStatus.OPEN);

        c.close(new CaseClosure(null, "Two networks dismantled"), NOON);
        CaseSnapshot closed = c.snapshot();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(closed.expectedReturn()).isEqualTo("Fewer shipments\nTwo networks dismantled");

        refused(() -> c.close(new CaseClosure(null, null), NOON), "status", "can no longer change");
        refused(() -> c.revise(bilateral("SN"), DAKAR, null, NOON), "status", "can no longer change");
        refused(c::requireOpen, "status", "CLOSED");
    }

    @Test
    void theLeadPostOfACaseNeverChanges() {
        CooperationCase c = open(bilateral("SN"));
        CaseTerms moved = new CaseTerms("x", null, Framework.BILATERAL, "SN", null, null, List.of(Theme.CYBERCRIME),
                null, "CO-BOGOTA", null, null, null, null, null);
        refused(() -> c.revise(moved, DAKAR, null, NOON), "leadPost", "cannot change");
    }

    @Test
    void theFirstVersionIsOneAndEveryChangeAddsOneButARefusedChangeNothing() {
        CooperationCase c = open(bilateral("SN"));
        assertThat(c.version()).isEqualTo(1);
        c.revise(bilateral("GM"), DAKAR, null, NOON);
        assertThat(c.snapshot().version()).isEqualTo(2);
        assertThat(c.snapshot().partnerCountry()).isEqualTo("GM");
        refused(() -> c.revise(bilateral("ML"), DAKAR, null, NOON), "partnerCountry", "not covered");
        assertThat(c.version()).isEqualTo(2);
        assertThat(c.snapshot().partnerCountry()).isEqualTo("GM");
        c.close(new CaseClosure(null, null), NOON);
        assertThat(c.version()).isEqualTo(3);
    }
}
