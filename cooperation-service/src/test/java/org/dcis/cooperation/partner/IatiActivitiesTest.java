package org.dcis.cooperation.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.actions.Indicator;
import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.ExpertiseSpeciality;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.missions.MissionTerms;
import org.dcis.cooperation.reference.IsoCountries;
import org.dcis.cooperation.reference.Organisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The IATI writer on its own (no server): a data set with every theme, EU and UN, open and closed cases, with and
 * without outcomes, read back with DOM and XPath against the 2.03 activity schema's structure and the code lists'
 * values. The document is left in {@code target/iati/iati-activities.xml}, where {@code .ci/run} validates it
 * against the official schema and code lists (deploy/iati/ValidateIati.java).
 */
class IatiActivitiesTest {
    static final Instant NOW = Instant.parse("2025-06-30T08:15:42.123456Z");
    static final String REF = "XM-DAC-4";

    /** The children of iati-activity, in the order of the sequence of iati-activities-schema.xsd (2.03). */
    static final List<String> ACTIVITY_SEQUENCE = List.of("iati-identifier", "reporting-org", "title", "description",
            "participating-org", "other-identifier", "activity-status", "activity-date", "contact-info",
            "activity-scope", "recipient-country", "recipient-region", "location", "sector", "tag",
            "country-budget-items", "humanitarian-scope", "policy-marker", "collaboration-type", "default-flow-type",
            "default-finance-type", "default-aid-type", "default-tied-status", "budget", "planned-disbursement",
            "capital-spend", "transaction", "document-link", "related-activity", "legacy-data", "conditions", "result",
            "crs-add", "fss");
    /** minOccurs="1" in that sequence. */
    static final List<String> REQUIRED = List.of("iati-identifier", "reporting-org", "title", "description",
            "participating-org", "activity-status", "activity-date");
    /** maxOccurs="1" in that sequence. */
    static final Set<String> AT_MOST_ONCE = Set.of("iati-identifier", "reporting-org", "title", "activity-status",
            "activity-scope", "country-budget-items", "collaboration-type", "default-flow-type",
            "default-finance-type", "default-tied-status", "capital-spend", "conditions", "crs-add", "fss");
    static final List<String> RESULT_SEQUENCE = List.of("title", "description", "document-link", "reference",
            "indicator");
    static final List<String> INDICATOR_SEQUENCE = List.of("title", "description", "document-link", "reference",
            "baseline", "period");
    static final List<String> PERIOD_SEQUENCE = List.of("period-start", "period-end", "target", "actual");

    // The codes of the 2.03 code lists (IATI-Codelists, version-2.03) this export may use.
    static final Set<String> ACTIVITY_STATUS = Set.of("1", "2", "3", "4", "5", "6");
    static final Set<String> ACTIVITY_DATE_TYPE = Set.of("1", "2", "3", "4");
    static final Set<String> ORGANISATION_ROLE = Set.of("1", "2", "3", "4");
    static final Set<String> ORGANISATION_TYPE = Set.of("10", "11", "15", "21", "22", "23", "24", "30", "40", "60",
            "70", "71", "72", "73", "80", "90");
    static final Set<String> RESULT_TYPE = Set.of("1", "2", "3", "9");
    static final Set<String> INDICATOR_MEASURE = Set.of("1", "2", "3", "4", "5");
    /** Active codes of the Sector list (vocabulary 1) the themes may map to, with their official names. */
    static final Map<String, String> DAC_SECTORS = Map.of("16063", "Narcotics control",
            "15240", "Reintegration and SALW control",
            "15190", "Facilitation of orderly, safe, regular and responsible migration and mobility",
            "15136", "Immigration",
            "15130", "Legal and judicial development",
            "15210", "Security system management and reform",
            "15113", "Anti-corruption organisations and institutions",
            "15220", "Civilian peace-building, conflict prevention and resolution");

    static final Mission EUCAP_MALI = Mission.create("EUCAP-SAHEL-MALI",
            new MissionTerms("EUCAP Sahel Mali", Organisation.EU, List.of("ML"), LocalDate.of(2015, 1, 15), null),
            NOW);
    static final Mission CRIMJUST = Mission.create("UNODC-CRIMJUST",
            new MissionTerms("UNODC CRIMJUST: criminal justice along cocaine routes", Organisation.UN,
                    List.of("CO", "EC", "PE", "PA", "GH", "SN", "CV"), LocalDate.of(2016, 1, 1), null),
            NOW);

    static final List<PartnerCase> CASES = new ArrayList<>();
    static final Map<UUID, List<PartnerAction>> ACTIONS = new LinkedHashMap<>();
    static PartnerCase euOpen;
    static PartnerCase euClosed;
    static PartnerCase unOpen;
    static PartnerCase unClosedNoSummary;
    static PartnerCase threeThemes;
    static byte[] written;
    static Document document;
    static XPath xpath;

    @BeforeAll
    static void writeTheDataSet() throws Exception {
        euOpen = add(new PartnerCase(UUID.randomUUID(), "Formation judiciaire <antiterroriste> & enquêtes",
                "Appui à la police judiciaire malienne", Organisation.EU, "EUCAP-SAHEL-MALI",
                List.of(Theme.TERRORISM, Theme.EXPERTISE_EXPORT), ExpertiseSpeciality.JUDICIAL_INVESTIGATION,
                "SN-DAKAR", List.of("ML"), CaseStatus.OPEN, LocalDate.of(2025, 1, 15), null,
                Instant.parse("2025-02-01T10:00:00Z"), 3));
        actions(euOpen,
                action(euOpen, ActionStatus.COMPLETED, "2025-03-03", "2025-03-07", "2025-03-04", "2025-03-08",
                        Instant.parse("2025-03-09T09:30:00.5Z"),
                        outcome(Indicator.PERSONS_TRAINED, "18", null), outcome(Indicator.DOCUMENTS_PRODUCED, "2", null)),
                // the same span again: the quantities add up in one period
                action(euOpen, ActionStatus.COMPLETED, "2025-03-01", "2025-03-10", "2025-03-04", "2025-03-08",
                        Instant.parse("2025-03-09T08:00:00Z"), outcome(Indicator.PERSONS_TRAINED, "7", null)),
                action(euOpen, ActionStatus.PLANNED, "2025-09-01", "2025-09-30", null, null,
                        Instant.parse("2025-02-20T08:00:00Z")),
                // cancelled: no result, and its later planned end is not the case's planned end
                action(euOpen, ActionStatus.CANCELLED, "2025-10-01", "2025-12-31", null, null,
                        Instant.parse("2025-02-21T08:00:00Z"), outcome(Indicator.ARRESTS, "99", null)));

        euClosed = add(new PartnerCase(UUID.randomUUID(), "Lutte contre les trafics d'armes au Sahel",
                "Contrôle des armes légères", Organisation.EU, "EUCAP-SAHEL-MALI",
                List.of(Theme.ARMS_TRAFFICKING, Theme.ORGANISED_CRIME, Theme.CYBERCRIME), null, "SN-DAKAR",
                List.of("ML", "NE", "BF"), CaseStatus.CLOSED, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 12, 20),
                Instant.parse("2024-12-20T16:00:00Z"), 5));
        actions(euClosed,
                action(euClosed, ActionStatus.COMPLETED, "2024-04-01", "2024-04-30", "2024-04-02", "2024-05-02",
                        Instant.parse("2024-05-03T08:00:00Z"), outcome(Indicator.SEIZURE, "1.250", "t"),
                        outcome(Indicator.SEIZURE, "140", "units"), outcome(Indicator.ARRESTS, "12", null),
                        outcome(Indicator.NETWORKS_DISMANTLED, "2", null), outcome(Indicator.OTHER, "1", null)),
                action(euClosed, ActionStatus.COMPLETED, "2024-06-01", null, "2024-06-03", null,
                        Instant.parse("2024-06-04T08:00:00Z"), outcome(Indicator.SEIZURE, "0.5", "t"),
                        outcome(Indicator.PROCEDURES_OPENED, "4", null), outcome(Indicator.VICTIMS_IDENTIFIED, "9", null),
                        outcome(Indicator.EQUIPMENT_DELIVERED, "30", null)));

        unOpen = add(new PartnerCase(UUID.randomUUID(), "Routes de la cocaïne en Afrique de l'Ouest",
                "Renseignement criminel sur les vecteurs maritimes", Organisation.UN, "UNODC-CRIMJUST",
                List.of(Theme.DRUG_TRAFFICKING), null, "SN-DAKAR", List.of("SN", "CV", "GH", "CO", "EC", "PA"),
                CaseStatus.OPEN, LocalDate.of(2025, 4, 2), null, Instant.parse("2025-04-02T07:00:00Z"), 1));
        // no action at all: no planned end, no result

        unClosedNoSummary = add(new PartnerCase(UUID.randomUUID(), "Filières d'immigration irrégulière", null,
                Organisation.UN, "UNODC-CRIMJUST", List.of(Theme.IRREGULAR_IMMIGRATION), null, "SN-DAKAR",
                List.of("SN"), CaseStatus.CLOSED, LocalDate.of(2023, 5, 1), LocalDate.of(2023, 11, 30),
                Instant.parse("2023-11-30T12:00:00Z"), 2));
        actions(unClosedNoSummary, action(unClosedNoSummary, ActionStatus.COMPLETED, "2023-06-01", "2023-06-05",
                "2023-06-01", "2023-06-05", Instant.parse("2023-06-06T08:00:00Z")));

        threeThemes = add(new PartnerCase(UUID.randomUUID(), "Cybercriminalité et expertise", "Criminalistique numérique",
                Organisation.EU, null, List.of(Theme.CYBERCRIME, Theme.EXPERTISE_EXPORT, Theme.DRUG_TRAFFICKING),
                ExpertiseSpeciality.CYBER_INVESTIGATION, "SN-DAKAR", List.of("GW", "GM", "SN", "CV"), CaseStatus.OPEN,
                LocalDate.of(2025, 5, 5), null, Instant.parse("2025-05-05T05:05:05Z"), 1));
        actions(threeThemes, action(threeThemes, ActionStatus.IN_PROGRESS, "2025-06-01", "2025-07-15", "2025-06-02",
                null, Instant.parse("2025-06-02T08:00:00Z"), outcome(Indicator.PERSONS_TRAINED, "11", null)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Mission> missions = List.of(EUCAP_MALI, CRIMJUST).stream()
                .collect(Collectors.toMap(Mission::code, Function.identity()));
        new IatiActivities(config(), Clock.fixed(NOW, ZoneOffset.UTC)).write(CASES, ACTIONS, missions, out);
        written = out.toByteArray();
        Path file = Path.of("target", "iati", "iati-activities.xml");
        Files.createDirectories(file.getParent());
        Files.write(file, written);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(written));
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "xml".equals(prefix) ? XMLConstants.XML_NS_URI : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String namespace) {
                return XMLConstants.XML_NS_URI.equals(namespace) ? "xml" : null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespace) {
                return List.of("xml").iterator();
            }
        });
    }

    @Test
    void theDocumentIsVersion203GeneratedAtTheClocksTime() throws Exception {
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("iati-activities");
        assertThat(root.getAttribute("version")).isEqualTo("2.03");
        assertThat(root.getAttribute("generated-datetime")).isEqualTo("2025-06-30T08:15:42Z");
        assertThat(children(root)).extracting(Element::getTagName).containsOnly("iati-activity");
        assertThat(new String(written, 0, 38, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
    }

    @Test
    void everyThemeOpenAndClosedEuAndUnWithAndWithoutOutcomesAreInTheDataSet() {
        assertThat(CASES.stream().flatMap(c -> c.themes().stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Theme.values());
        assertThat(CASES.stream().map(PartnerCase::status).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(CaseStatus.values());
        assertThat(CASES.stream().map(PartnerCase::organisation).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Organisation.EU, Organisation.UN);
        Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        ACTIONS.values().forEach(list -> list.forEach(a -> a.outcomes().forEach(o -> indicators.add(o.indicator()))));
        assertThat(indicators).containsExactlyInAnyOrder(Indicator.values());
    }

    @Test
    void oneActivityPerCaseIdentifiedByTheReportingOrgPrefixAndTheCaseId() throws Exception {
        List<String> identifiers = texts("/iati-activities/iati-activity/iati-identifier");
        assertThat(identifiers).containsExactlyElementsOf(CASES.stream().map(c -> REF + "-" + c.id()).toList());
        for (Element activity : activities()) {
            assertThat(text(activity, "reporting-org/@ref")).isEqualTo(REF);
            assertThat(text(activity, "iati-identifier")).startsWith(text(activity, "reporting-org/@ref") + "-");
        }
    }

    @Test
    void theChildrenOfEveryActivityFollowTheSchemasSequenceAndTheRequiredOnesArePresent() throws Exception {
        for (Element activity : activities()) {
            List<String> names = children(activity).stream().map(Element::getTagName).toList();
            assertInSequence(names, ACTIVITY_SEQUENCE, "iati-activity");
            assertThat(names).as("required children").containsAll(REQUIRED);
            for (String once : AT_MOST_ONCE) {
                assertThat(names.stream().filter(once::equals).count()).as(once).isLessThanOrEqualTo(1);
            }
            // what the schema requires inside them
            assertThat(nodes(activity, "reporting-org[@ref and @type]/narrative[normalize-space()]")).isNotEmpty();
            assertThat(nodes(activity, "title/narrative[normalize-space()]")).isNotEmpty();
            assertThat(nodes(activity, "description/narrative[normalize-space()]")).isNotEmpty();
            assertThat(nodes(activity, "participating-org[not(@role)]")).isEmpty();
            assertThat(nodes(activity, "activity-status[not(@code)]")).isEmpty();
            assertThat(nodes(activity, "activity-date[not(@type) or not(@iso-date)]")).isEmpty();
            assertThat(nodes(activity, "recipient-country[not(@code)] | sector[not(@code)]")).isEmpty();
            for (Element result : elements(activity, "result")) {
                assertThat(result.getAttribute("type")).isNotEmpty();
                assertInSequence(names(result), RESULT_SEQUENCE, "result");
                assertThat(names(result)).contains("title", "indicator");
                assertThat(nodes(result, "title/narrative[normalize-space()]")).isNotEmpty();
                for (Element indicator : elements(result, "indicator")) {
                    assertThat(indicator.getAttribute("measure")).isNotEmpty();
                    assertInSequence(names(indicator), INDICATOR_SEQUENCE, "indicator");
                    assertThat(names(indicator)).contains("title");
                    assertThat(nodes(indicator, "title/narrative[normalize-space()]")).isNotEmpty();
                    for (Element period : elements(indicator, "period")) {
                        assertInSequence(names(period), PERIOD_SEQUENCE, "period");
                        assertThat(names(period)).startsWith("period-start", "period-end");
                        LocalDate start = LocalDate.parse(text(period, "period-start/@iso-date"));
                        LocalDate end = LocalDate.parse(text(period, "period-end/@iso-date"));
                        assertThat(end).isAfterOrEqualTo(start);
                    }
                }
            }
            // nothing claimed that is not true of a case: no humanitarian flag, no default-*, no money
            assertThat(activity.hasAttribute("humanitarian")).isFalse();
            assertThat(activity.hasAttribute("default-currency")).isFalse();
            assertThat(names.stream().filter(n -> n.startsWith("default-") || n.startsWith("humanitarian")
                    || n.equals("budget") || n.equals("transaction"))).isEmpty();
        }
    }

    @Test
    void everyCodeIsAValueOfItsCodeList() throws Exception {
        assertThat(texts("//activity-status/@code")).isNotEmpty().allMatch(ACTIVITY_STATUS::contains);
        assertThat(texts("//activity-date/@type")).isNotEmpty().allMatch(ACTIVITY_DATE_TYPE::contains);
        assertThat(texts("//participating-org/@role")).isNotEmpty().allMatch(ORGANISATION_ROLE::contains);
        assertThat(texts("//reporting-org/@type | //participating-org/@type")).isNotEmpty()
                .allMatch(ORGANISATION_TYPE::contains);
        assertThat(texts("//sector/@vocabulary")).isNotEmpty().containsOnly("1");
        assertThat(texts("//sector/@code")).isNotEmpty().allMatch(DAC_SECTORS::containsKey);
        assertThat(texts("//recipient-country/@code")).isNotEmpty().allMatch(IsoCountries::isKnown);
        assertThat(texts("//result/@type")).isNotEmpty().allMatch(RESULT_TYPE::contains);
        assertThat(texts("//indicator/@measure")).isNotEmpty().allMatch(INDICATOR_MEASURE::contains);
        // every theme has a code of the list; the ones the brief names by their official names
        assertThat(IatiActivities.SECTORS.keySet()).containsExactlyInAnyOrder(Theme.values());
        assertThat(IatiActivities.SECTORS.values()).allMatch(DAC_SECTORS::containsKey);
        assertThat(IatiActivities.SECTORS).containsEntry(Theme.DRUG_TRAFFICKING, "16063")
                .containsEntry(Theme.ARMS_TRAFFICKING, "15240").containsEntry(Theme.IRREGULAR_IMMIGRATION, "15190")
                .containsEntry(Theme.EXPERTISE_EXPORT, "15130").containsEntry(Theme.ORGANISED_CRIME, "15113")
                .containsEntry(Theme.CYBERCRIME, "15130").containsEntry(Theme.TERRORISM, "15210");
    }

    @Test
    void countryAndSectorPercentagesAddUpToExactly100() throws Exception {
        for (Element activity : activities()) {
            List<BigDecimal> countries = decimals(activity, "recipient-country/@percentage");
            assertThat(countries).hasSize(nodes(activity, "recipient-country").size());
            assertThat(sum(countries)).isEqualByComparingTo("100");
            Map<String, List<BigDecimal>> byVocabulary = new LinkedHashMap<>();
            for (Element sector : elements(activity, "sector")) {
                byVocabulary.computeIfAbsent(sector.getAttribute("vocabulary"), v -> new ArrayList<>())
                        .add(new BigDecimal(sector.getAttribute("percentage")));
            }
            assertThat(byVocabulary).isNotEmpty();
            byVocabulary.values().forEach(shares -> assertThat(sum(shares)).isEqualByComparingTo("100"));
            assertThat(texts(activity, "sector/@code")).doesNotHaveDuplicates();
        }
        // 3 and 6 countries, 3 themes: hundredths given to the first shares
        assertThat(decimals(activity(euClosed), "recipient-country/@percentage"))
                .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
        assertThat(texts(activity(unOpen), "recipient-country/@percentage"))
                .containsExactly("16.67", "16.67", "16.67", "16.67", "16.66", "16.66");
        assertThat(texts(activity(euClosed), "sector/@code")).containsExactly("15240", "15113", "15130");
        assertThat(texts(activity(euClosed), "sector/@percentage")).containsExactly("33.34", "33.33", "33.33");
        // cybercrime and expertise export are one code: their shares add up
        assertThat(texts(activity(threeThemes), "sector/@code")).containsExactly("15130", "16063");
        assertThat(texts(activity(threeThemes), "sector/@percentage")).containsExactly("66.67", "33.33");
        assertThat(texts(activity(unOpen), "sector/@percentage")).containsExactly("100");
        for (int n = 1; n <= 200; n++) {
            assertThat(sum(IatiActivities.shares(n))).isEqualByComparingTo("100");
        }
    }

    @Test
    void statusesDatesAndRolesFollowTheCase() throws Exception {
        Element open = activity(euOpen);
        assertThat(text(open, "activity-status/@code")).isEqualTo("2");
        assertThat(text(open, "@xml:lang")).isEqualTo("fr");
        assertThat(text(open, "@last-updated-datetime")).isEqualTo("2025-03-09T09:30:00Z");
        assertThat(dates(open)).containsExactly("2=2025-01-15", "3=2025-09-30");
        assertThat(text(open, "title/narrative")).isEqualTo("Formation judiciaire <antiterroriste> & enquêtes");
        assertThat(nodes(open, "title/narrative[@xml:lang]")).isEmpty();
        assertThat(roles(open)).containsExactly("1 XM-DAC-4 10 France",
                "2 XM-DAC-918 40 Union européenne – EUCAP Sahel Mali",
                "4 XM-DAC-4 10 Ministère de l'Intérieur – Direction de la coopération internationale de sécurité (DCIS)");
        assertThat(texts(open, "sector/@code")).containsExactly("15210", "15130");

        Element closed = activity(euClosed);
        assertThat(text(closed, "activity-status/@code")).isEqualTo("4");
        assertThat(dates(closed)).containsExactly("2=2024-02-01", "4=2024-12-20");

        Element un = activity(unOpen);
        assertThat(dates(un)).containsExactly("2=2025-04-02");
        assertThat(roles(un)).element(1).isEqualTo("2 - 40 Organisation des Nations unies – UNODC CRIMJUST: criminal"
                + " justice along cocaine routes");
        assertThat(nodes(un, "result")).isEmpty();

        Element noSummary = activity(unClosedNoSummary);
        assertThat(text(noSummary, "description/narrative")).contains("Organisation des Nations unies")
                .contains("Filières d'immigration irrégulière");
        assertThat(nodes(noSummary, "result")).as("actions without outcomes").isEmpty();
        assertThat(texts(noSummary, "sector/@code")).containsExactly("15190");

        assertThat(roles(activity(threeThemes))).element(1).isEqualTo("2 XM-DAC-918 40 Union européenne");
    }

    @Test
    void resultsComeFromTheOutcomesOfTheActionsNotCancelled() throws Exception {
        Element open = activity(euOpen);
        assertThat(texts(open, "result/@type")).containsExactly("1");
        assertThat(texts(open, "result/title/narrative[not(@xml:lang)]"))
                .containsExactly("Réalisations des actions de coopération");
        assertThat(texts(open, "result/title/narrative[@xml:lang='en']"))
                .containsExactly("Outputs of the cooperation actions");
        assertThat(texts(open, "result/indicator/title/narrative[@xml:lang='en']"))
                .containsExactly("Persons trained", "Documents produced");
        // two actions of one span: 18 + 7 in one period; the cancelled action's 99 arrests nowhere
        assertThat(periods(open, "Persons trained")).containsExactly("2025-03-04..2025-03-08=25");
        assertThat(written.length).isPositive();
        assertThat(texts("//actual/@value")).doesNotContain("99");

        Element closed = activity(euClosed);
        assertThat(texts(closed, "result/@type")).containsExactly("1", "2", "9");
        assertThat(texts(closed, "result[@type='2']/indicator/title/narrative[@xml:lang='en']")).containsExactly(
                "Seizures (t)", "Seizures (units)", "Arrests", "Criminal networks dismantled",
                "Judicial proceedings opened", "Victims identified");
        assertThat(periods(closed, "Seizures (t)")).containsExactly("2024-04-02..2024-05-02=1.25",
                "2024-06-03..2024-06-03=0.5");
        assertThat(texts(closed, "result/indicator/@measure")).containsOnly("1");

        // an action in progress: from its actual start to its planned end
        assertThat(periods(activity(threeThemes), "Persons trained")).containsExactly("2025-06-02..2025-07-15=11");
    }

    @Test
    void aControlCharacterInATitleCannotBreakTheDocument() throws Exception {
        PartnerCase odd = new PartnerCase(UUID.randomUUID(), "Bell \u0007 and \uFFFE, tab\tkept", "Résumé \u001B",
                Organisation.EU, null, List.of(Theme.CYBERCRIME), null, "SN-DAKAR", List.of("SN"), CaseStatus.OPEN,
                LocalDate.of(2025, 1, 2), null, NOW, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IatiActivities(config(), Clock.fixed(NOW, ZoneOffset.UTC)).write(List.of(odd), Map.of(), Map.of(), out);
        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));
        assertThat(xpath.evaluate("//title/narrative", parsed)).isEqualTo("Bell \uFFFD and \uFFFD, tab\tkept");
        assertThat(xpath.evaluate("//description/narrative", parsed)).isEqualTo("Résumé \uFFFD");
    }

    @Test
    void anEmptySelectionIsAnEmptyDocument() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IatiActivities(config(), Clock.fixed(NOW, ZoneOffset.UTC)).write(List.of(), Map.of(), Map.of(), out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document empty = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertThat(empty.getDocumentElement().getTagName()).isEqualTo("iati-activities");
        assertThat(children(empty.getDocumentElement())).isEmpty();
    }

    // ---------------------------------------------------------------- the data set

    static IatiConfig config() {
        IatiConfig.ReportingOrg reporting = new IatiConfig.ReportingOrg() {
            @Override
            public String ref() {
                return REF;
            }

            @Override
            public String type() {
                return "10";
            }

            @Override
            public String name() {
                return "Ministère de l'Intérieur – Direction de la coopération internationale de sécurité (DCIS)";
            }
        };
        return new IatiConfig() {
            @Override
            public ReportingOrg reportingOrg() {
                return reporting;
            }

            @Override
            public Optional<String> euRef() {
                return Optional.of("XM-DAC-918");
            }

            @Override
            public Optional<String> unRef() {
                return Optional.empty();
            }
        };
    }

    static PartnerCase add(PartnerCase c) {
        CASES.add(c);
        return c;
    }

    static void actions(PartnerCase c, PartnerAction... actions) {
        ACTIONS.put(c.id(), List.of(actions));
    }

    static PartnerAction.Result outcome(Indicator indicator, String quantity, String unit) {
        return new PartnerAction.Result(indicator, new BigDecimal(quantity), unit);
    }

    static PartnerAction action(PartnerCase c, ActionStatus status, String plannedStart, String plannedEnd,
            String actualStart, String actualEnd, Instant updatedAt, PartnerAction.Result... outcomes) {
        return new PartnerAction(UUID.randomUUID(), c.id(), ActionKind.TECHNICAL, ActionType.TRAINING, "Action",
                "Formation", date(plannedStart), date(plannedEnd), date(actualStart), date(actualEnd), "SN", 2, 3, 18,
                List.of(outcomes), status, updatedAt, 1);
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    // ---------------------------------------------------------------- reading it back

    static void assertInSequence(List<String> names, List<String> sequence, String parent) {
        int last = -1;
        for (String name : names) {
            int index = sequence.indexOf(name);
            assertThat(index).as("%s is a child of %s in the 2.03 schema", name, parent).isNotNegative();
            assertThat(index).as("%s comes after the children before it in %s (%s)", name, parent, names)
                    .isGreaterThanOrEqualTo(last);
            last = index;
        }
    }

    static Element activity(PartnerCase c) throws Exception {
        return (Element) xpath.evaluate("/iati-activities/iati-activity[iati-identifier='" + REF + "-" + c.id() + "']",
                document, XPathConstants.NODE);
    }

    static List<Element> activities() throws Exception {
        return elements(document, "/iati-activities/iati-activity");
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    static List<String> names(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    static List<Node> nodes(Object context, String path) throws Exception {
        NodeList list = (NodeList) xpath.evaluate(path, context, XPathConstants.NODESET);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            nodes.add(list.item(i));
        }
        return nodes;
    }

    static List<Element> elements(Object context, String path) throws Exception {
        return nodes(context, path).stream().map(Element.class::cast).toList();
    }

    static List<String> texts(String path) throws Exception {
        return texts(document, path);
    }

    static List<String> texts(Object context, String path) throws Exception {
        return nodes(context, path).stream().map(Node::getTextContent).toList();
    }

    static String text(Object context, String path) throws Exception {
        return xpath.evaluate(path, context);
    }

    static List<BigDecimal> decimals(Element context, String path) throws Exception {
        return texts(context, path).stream().map(BigDecimal::new).toList();
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static List<String> dates(Element activity) throws Exception {
        List<String> dates = new ArrayList<>();
        for (Element date : elements(activity, "activity-date")) {
            dates.add(date.getAttribute("type") + "=" + date.getAttribute("iso-date"));
        }
        return dates;
    }

    static List<String> roles(Element activity) throws Exception {
        List<String> roles = new ArrayList<>();
        for (Element org : elements(activity, "participating-org")) {
            roles.add(org.getAttribute("role") + " " + (org.hasAttribute("ref") ? org.getAttribute("ref") : "-") + " "
                    + org.getAttribute("type") + " " + text(org, "narrative"));
        }
        return roles;
    }

    static List<String> periods(Element activity, String englishTitle) throws Exception {
        List<String> periods = new ArrayList<>();
        for (Element period : elements(activity,
                "result/indicator[title/narrative[@xml:lang='en']='" + englishTitle + "']/period")) {
            periods.add(text(period, "period-start/@iso-date") + ".." + text(period, "period-end/@iso-date") + "="
                    + text(period, "actual/@value"));
        }
        return periods;
    }
}
