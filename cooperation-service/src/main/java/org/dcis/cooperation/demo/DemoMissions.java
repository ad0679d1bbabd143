package org.dcis.cooperation.demo;

import java.time.LocalDate;
import java.util.List;

import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.reference.Organisation;

/**
 * The missions the demo history's multilateral cases name: V3's reference list and V7's additions, with the
 * posts of the demo network that follow each (the one covering a host country, or its regional neighbours when
 * that post is suspended) and the themes it works on. DemoHistoryTest checks the loaded cases against the mission
 * table (organisation, dates); a mission changed by registry-admin makes the case naming it fail its rule (the
 * batch is rolled back and the load stops, logged), never lie.
 */
final class DemoMissions {
    private DemoMissions() {
    }

    record Mission(String code, Organisation organisation, List<String> hostCountries, LocalDate startsOn,
            LocalDate endsOn, List<String> leadPosts, List<Theme> themes) {
    }

    static final List<Mission> ALL = List.of(
            new Mission("EUCAP-SAHEL-NIGER", Organisation.EU, List.of("NE"), LocalDate.of(2012, 8, 1),
                    LocalDate.of(2024, 9, 30), List.of("NE-NIAMEY"),
                    List.of(Theme.TERRORISM, Theme.IRREGULAR_IMMIGRATION, Theme.EXPERTISE_EXPORT)),
            new Mission("EUCAP-SAHEL-MALI", Organisation.EU, List.of("ML"), LocalDate.of(2015, 1, 15), null,
                    List.of("BF-OUAGADOUGOU", "SN-DAKAR"), List.of(Theme.TERRORISM, Theme.EXPERTISE_EXPORT)),
            new Mission("EUAM-UKRAINE", Organisation.EU, List.of("UA"), LocalDate.of(2014, 12, 1), null,
                    List.of("UA-KIEV"), List.of(Theme.ORGANISED_CRIME, Theme.CYBERCRIME, Theme.EXPERTISE_EXPORT)),
            new Mission("EULEX-KOSOVO", Organisation.EU, List.of("XK"), LocalDate.of(2008, 12, 9), null,
                    List.of("RS-BELGRADE"), List.of(Theme.ORGANISED_CRIME, Theme.ARMS_TRAFFICKING)),
            new Mission("EUBAM-LIBYA", Organisation.EU, List.of("LY"), LocalDate.of(2013, 5, 22), null,
                    List.of("TN-TUNIS", "EG-LE-CAIRE"), List.of(Theme.IRREGULAR_IMMIGRATION, Theme.ARMS_TRAFFICKING)),
            new Mission("UNODC-CRIMJUST", Organisation.UN, List.of("CO", "EC", "PE", "PA", "GH", "SN", "CV"),
                    LocalDate.of(2016, 1, 1), null, List.of("CO-BOGOTA", "PE-LIMA", "PA-PANAMA", "GH-ACCRA", "SN-DAKAR"),
                    List.of(Theme.DRUG_TRAFFICKING, Theme.ORGANISED_CRIME)),
            new Mission("MINUSCA-UNPOL", Organisation.UN, List.of("CF"), LocalDate.of(2014, 4, 10), null,
                    List.of("TD-NDJAMENA"), List.of(Theme.ARMS_TRAFFICKING, Theme.EXPERTISE_EXPORT)),
            new Mission("INTERPOL-LIONFISH", Organisation.INTERPOL, List.of("CO", "PA", "CR", "SN", "GW", "CV"),
                    LocalDate.of(2017, 3, 1), null, List.of("CO-BOGOTA", "PA-PANAMA", "SN-DAKAR"),
                    List.of(Theme.DRUG_TRAFFICKING)),
            new Mission("MINUSMA", Organisation.UN, List.of("ML"), LocalDate.of(2013, 4, 25), LocalDate.of(2023, 12, 31),
                    List.of("SN-DAKAR", "NE-NIAMEY", "BF-OUAGADOUGOU"), List.of(Theme.TERRORISM, Theme.EXPERTISE_EXPORT)),
            new Mission("MONUSCO", Organisation.UN, List.of("CD"), LocalDate.of(2010, 7, 1), null,
                    List.of("CD-KINSHASA"), List.of(Theme.ARMS_TRAFFICKING, Theme.ORGANISED_CRIME, Theme.EXPERTISE_EXPORT)),
            new Mission("UNODC-GMCP", Organisation.UN, List.of("KE", "MG", "MZ", "SC", "SO", "TZ"),
                    LocalDate.of(2009, 5, 1), null, List.of("KE-NAIROBI", "MG-ANTANANARIVO"),
                    List.of(Theme.DRUG_TRAFFICKING, Theme.ORGANISED_CRIME)),
            new Mission("UNODC-AIRCOP", Organisation.UN, List.of("BF", "BJ", "CI", "CM", "CV", "GH", "NE", "NG", "SN", "TG"),
                    LocalDate.of(2010, 11, 1), null, List.of("SN-DAKAR", "CI-ABIDJAN", "NG-ABUJA", "CM-YAOUNDE", "GH-ACCRA"),
                    List.of(Theme.DRUG_TRAFFICKING, Theme.TERRORISM, Theme.IRREGULAR_IMMIGRATION)),
            new Mission("EUCAP-SOMALIA", Organisation.EU, List.of("SO"), LocalDate.of(2012, 7, 16), null,
                    List.of("KE-NAIROBI"), List.of(Theme.TERRORISM, Theme.EXPERTISE_EXPORT)),
            new Mission("EUAM-IRAQ", Organisation.EU, List.of("IQ"), LocalDate.of(2017, 10, 16), null,
                    List.of("JO-AMMAN"), List.of(Theme.TERRORISM, Theme.EXPERTISE_EXPORT)),
            new Mission("EUPOL-COPPS", Organisation.EU, List.of("PS"), LocalDate.of(2006, 1, 1), null,
                    List.of("IL-TEL-AVIV"), List.of(Theme.EXPERTISE_EXPORT, Theme.ORGANISED_CRIME)),
            new Mission("EUBAM-MOLDOVA-UKRAINE", Organisation.EU, List.of("MD", "UA"), LocalDate.of(2005, 11, 30), null,
                    List.of("RO-BUCAREST", "UA-KIEV"), List.of(Theme.ARMS_TRAFFICKING, Theme.ORGANISED_CRIME)));
}
