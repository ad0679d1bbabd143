package org.dcis.cooperation.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Rules.refused;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dcis.cooperation.reference.Organisation;
import org.junit.jupiter.api.Test;

/** The rules of a mission of the reference list, without Quarkus or a database. */
class MissionTest {
    private static final Instant NOW = Instant.parse("2025-07-01T12:00:00Z");
    private static final Instant LATER = Instant.parse("2025-07-02T08:00:00Z");

    private static MissionTerms terms(Organisation organisation, List<String> countries, LocalDate startsOn,
            LocalDate endsOn) {
        return new MissionTerms("EUCAP Somalia", organisation, countries, startsOn, endsOn);
    }

    @Test
    void aMissionBelongsToOneOrganisationAndListsItsHostCountriesOnceInOrder() {
        Mission mission = Mission.create("EUCAP-SOMALIA",
                terms(Organisation.EU, List.of("SO", "KE", "SO", "DJ"), LocalDate.of(2012, 7, 16), null), NOW);
        assertThat(mission.code()).isEqualTo("EUCAP-SOMALIA");
        assertThat(mission.organisation()).isEqualTo(Organisation.EU);
        assertThat(mission.hostCountries()).containsExactly("DJ", "KE", "SO");
        assertThat(mission.startsOn()).isEqualTo(LocalDate.of(2012, 7, 16));
        assertThat(mission.endsOn()).isNull();
        assertThat(mission.updatedAt()).isEqualTo(NOW);

        mission.revise(terms(Organisation.UN, List.of("ET"), LocalDate.of(2012, 7, 16), LocalDate.of(2030, 1, 1)), LATER);
        assertThat(mission.organisation()).isEqualTo(Organisation.UN);
        assertThat(mission.hostCountries()).containsExactly("ET");
        assertThat(mission.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aMissionNeverEndsBeforeItStartsButMayEndTheDayItStarts() {
        refused(() -> Mission.create("X-1", terms(Organisation.EU, List.of("SO"), LocalDate.of(2012, 7, 16),
                LocalDate.of(2012, 7, 15)), NOW), "endsOn", "before it starts");
        assertThat(Mission.create("X-2", terms(Organisation.EU, List.of("SO"), LocalDate.of(2012, 7, 16),
                LocalDate.of(2012, 7, 16)), NOW).endsOn()).isEqualTo(LocalDate.of(2012, 7, 16));

        Mission mission = Mission.create("X-3", terms(Organisation.EU, List.of("SO"), LocalDate.of(2012, 7, 16), null), NOW);
        refused(() -> mission.revise(terms(Organisation.EU, List.of("KE"), LocalDate.of(2020, 1, 1),
                LocalDate.of(2019, 12, 31)), LATER), "endsOn", "before it starts");
        assertThat(mission.hostCountries()).as("a refused revision changes nothing").containsExactly("SO");
        assertThat(mission.version()).isEqualTo(1);
    }

    @Test
    void theFirstVersionIsOneAndEachRevisionAddsOne() {
        Mission mission = Mission.create("X-4", terms(Organisation.EU, List.of("SO"), LocalDate.of(2012, 7, 16), null), NOW);
        assertThat(mission.version()).isEqualTo(1);
        mission.revise(terms(Organisation.EU, List.of("SO", "KE"), LocalDate.of(2012, 7, 16), null), LATER);
        mission.revise(terms(Organisation.EU, List.of("KE"), LocalDate.of(2012, 7, 16), null), LATER);
        assertThat(mission.version()).isEqualTo(3);
    }
}
