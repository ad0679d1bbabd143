package org.dcis.cooperation.partner;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.Indicator;
import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.reference.Organisation;

/**
 * An {@code iati-activities} document (IATI activity standard 2.03) of the cases a partner organisation may see:
 * one {@code iati-activity} per {@link PartnerCase}, its actions' outcomes as results. Written with StAX, the
 * children of each activity in the order of the schema's sequence (iati-identifier, reporting-org, title,
 * description, participating-org, activity-status, activity-date, recipient-country, sector, result). Only the
 * partner view goes in: no author, no internal note, no expected return. The mapping and its choices (sectors of
 * cybercrime and terrorism, roles, statuses, dates) are documented in the service's README, "IATI 2.03 export".
 */
@ApplicationScoped
public class IatiActivities {
    public static final String VERSION = "2.03";
    /** Every text of a case is French today: the activity says so once (xml:lang) instead of on each narrative. */
    public static final String DEFAULT_LANGUAGE = "fr";

    // Code lists of the 2.03 standard, the few codes this export uses.
    static final String STATUS_IMPLEMENTATION = "2"; // ActivityStatus
    static final String STATUS_CLOSED = "4";
    static final String DATE_ACTUAL_START = "2"; // ActivityDateType
    static final String DATE_PLANNED_END = "3";
    static final String DATE_ACTUAL_END = "4";
    static final String ROLE_FUNDING = "1"; // OrganisationRole
    static final String ROLE_ACCOUNTABLE = "2";
    static final String ROLE_IMPLEMENTING = "4";
    static final String TYPE_GOVERNMENT = "10"; // OrganisationType
    static final String TYPE_MULTILATERAL = "40";
    static final String VOCABULARY_DAC_5 = "1"; // SectorVocabulary: OECD DAC CRS purpose codes (5 digit)
    static final String MEASURE_UNIT = "1"; // IndicatorMeasure

    /**
     * The DAC 5-digit purpose code of each theme (Sector code list, vocabulary 1). Cybercrime and terrorism have
     * no code of their own: cybercrime cooperation builds the partner's police and judicial capacity to
     * investigate and prosecute (15130 Legal and judicial development: "law enforcement agencies, police"),
     * counter-terrorism cooperation works with the partner's law enforcement agencies and judiciary on its
     * security system (15210 Security system management and reform). 15113 names "money-laundering and other
     * aspects of organised crime" and "special investigation services", hence organised crime; irregular
     * immigration is 15190 (it covers "address irregular migration", smuggling of migrants and border
     * management related to migration), not 15136, which is immigration services (registration, documents).
     */
    static final Map<Theme, String> SECTORS = sectors();

    private static Map<Theme, String> sectors() {
        Map<Theme, String> sectors = new EnumMap<>(Theme.class);
        sectors.put(Theme.DRUG_TRAFFICKING, "16063"); // Narcotics control
        sectors.put(Theme.ARMS_TRAFFICKING, "15240"); // Reintegration and SALW control
        sectors.put(Theme.CYBERCRIME, "15130"); // Legal and judicial development (no DAC code of its own)
        sectors.put(Theme.TERRORISM, "15210"); // Security system management and reform (no DAC code of its own)
        sectors.put(Theme.ORGANISED_CRIME, "15113"); // Anti-corruption organisations and institutions
        sectors.put(Theme.IRREGULAR_IMMIGRATION, "15190"); // Facilitation of orderly, safe, regular ... migration
        sectors.put(Theme.EXPERTISE_EXPORT, "15130"); // Legal and judicial development
        return Map.copyOf(sectors);
    }

    /** IATI result types (ResultType code list). */
    enum ResultType {
        OUTPUT("1", "Réalisations des actions de coopération", "Outputs of the cooperation actions"),
        OUTCOME("2", "Effets constatés chez le partenaire", "Effects observed with the partner"),
        OTHER("9", "Autres résultats", "Other results");

        final String code;
        final String french;
        final String english;

        ResultType(String code, String french, String english) {
            this.code = code;
            this.french = french;
            this.english = english;
        }
    }

    /**
     * What an outcome is in IATI terms: what the actions delivered themselves (people trained, equipment,
     * documents) is an output; what the partner's services achieved with it (seizures, arrests, networks,
     * proceedings, victims) is an outcome.
     */
    static ResultType resultType(Indicator indicator) {
        return switch (indicator) {
            case PERSONS_TRAINED, EQUIPMENT_DELIVERED, DOCUMENTS_PRODUCED -> ResultType.OUTPUT;
            case SEIZURE, ARRESTS, NETWORKS_DISMANTLED, PROCEDURES_OPENED, VICTIMS_IDENTIFIED -> ResultType.OUTCOME;
            case OTHER -> ResultType.OTHER;
        };
    }

    static String french(Indicator indicator) {
        return switch (indicator) {
            case PERSONS_TRAINED -> "Personnes formées";
            case SEIZURE -> "Saisies";
            case ARRESTS -> "Interpellations";
            case NETWORKS_DISMANTLED -> "Réseaux criminels démantelés";
            case PROCEDURES_OPENED -> "Procédures judiciaires ouvertes";
            case VICTIMS_IDENTIFIED -> "Victimes identifiées";
            case EQUIPMENT_DELIVERED -> "Équipements livrés";
            case DOCUMENTS_PRODUCED -> "Documents produits";
            case OTHER -> "Autre résultat";
        };
    }

    static String english(Indicator indicator) {
        return switch (indicator) {
            case PERSONS_TRAINED -> "Persons trained";
            case SEIZURE -> "Seizures";
            case ARRESTS -> "Arrests";
            case NETWORKS_DISMANTLED -> "Criminal networks dismantled";
            case PROCEDURES_OPENED -> "Judicial proceedings opened";
            case VICTIMS_IDENTIFIED -> "Victims identified";
            case EQUIPMENT_DELIVERED -> "Equipment delivered";
            case DOCUMENTS_PRODUCED -> "Documents produced";
            case OTHER -> "Other result";
        };
    }

    private final IatiConfig config;
    private final Clock clock;

    public IatiActivities(IatiConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Writes the document, UTF-8, to {@code out} (left open). {@code actions}: the actions of each case (a case
     * without any may be absent); {@code missions}: by code, for the names of the cases' missions.
     *
     * <p>The 2.03 schema wants at least one activity in a file; an empty selection (a filter that matches
     * nothing) still answers an {@code iati-activities} element, empty, which is what a reader of a filtered
     * query expects. Such an answer is not an IATI file to publish.
     */
    public void write(List<PartnerCase> cases, Map<UUID, List<PartnerAction>> actions, Map<String, Mission> missions,
            OutputStream out) {
        try {
            // A factory per document: the JDK's may reuse one writer instance, which concurrent requests cannot share.
            Xml xml = new Xml(XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8"));
            xml.document();
            xml.start("iati-activities");
            xml.attribute("version", VERSION);
            xml.attribute("generated-datetime", seconds(clock.instant()));
            for (PartnerCase c : cases) {
                activity(xml, c, actions.getOrDefault(c.id(), List.of()),
                        c.mission() == null ? null : missions.get(c.mission()));
            }
            xml.end();
            xml.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the IATI export could not be written", e);
        }
    }

    /** The activity identifier: the reporting organisation's identifier, a hyphen, the case's own id. */
    public String identifier(UUID caseId) {
        return config.reportingOrg().ref() + "-" + caseId;
    }

    private void activity(Xml xml, PartnerCase c, List<PartnerAction> actions, Mission mission)
            throws XMLStreamException {
        List<PartnerAction> counted = actions.stream().filter(a -> a.status() != ActionStatus.CANCELLED).toList();
        xml.start("iati-activity");
        xml.attribute("last-updated-datetime", seconds(lastUpdated(c, actions)));
        xml.attribute("xml", XMLConstants.XML_NS_URI, "lang", DEFAULT_LANGUAGE);

        xml.text("iati-identifier", identifier(c.id()));

        xml.start("reporting-org");
        xml.attribute("ref", config.reportingOrg().ref());
        xml.attribute("type", config.reportingOrg().type());
        xml.narrative(config.reportingOrg().name());
        xml.end();

        xml.start("title");
        xml.narrative(c.title());
        xml.end();

        xml.start("description");
        xml.narrative(c.summary() == null || c.summary().isBlank() ? describe(c, mission) : c.summary());
        xml.end();

        // France funds and implements (one organisation, two roles: each role is reported, per the schema);
        // the organisation of the mission is accountable: the cooperation happens under its mandate.
        participant(xml, Optional.of(config.reportingOrg().ref()), TYPE_GOVERNMENT, ROLE_FUNDING, "France");
        participant(xml, ref(c.organisation()), TYPE_MULTILATERAL, ROLE_ACCOUNTABLE,
                mission == null ? name(c.organisation()) : name(c.organisation()) + " – " + mission.name());
        participant(xml, Optional.of(config.reportingOrg().ref()), config.reportingOrg().type(), ROLE_IMPLEMENTING,
                config.reportingOrg().name());

        xml.start("activity-status");
        xml.attribute("code", c.status() == CaseStatus.CLOSED ? STATUS_CLOSED : STATUS_IMPLEMENTATION);
        xml.end();

        date(xml, DATE_ACTUAL_START, c.openedOn());
        if (c.status() == CaseStatus.CLOSED) {
            date(xml, DATE_ACTUAL_END, c.closedOn());
        } else {
            Optional<LocalDate> plannedEnd = plannedEnd(c, counted);
            if (plannedEnd.isPresent()) {
                date(xml, DATE_PLANNED_END, plannedEnd.get());
            }
        }

        List<String> countries = c.countries().stream().distinct().toList();
        List<BigDecimal> countryShares = shares(countries.size());
        for (int i = 0; i < countries.size(); i++) {
            xml.start("recipient-country");
            xml.attribute("code", countries.get(i));
            xml.attribute("percentage", number(countryShares.get(i)));
            xml.end();
        }

        for (Map.Entry<String, BigDecimal> sector : sectorShares(c.themes()).entrySet()) {
            xml.start("sector");
            xml.attribute("vocabulary", VOCABULARY_DAC_5);
            xml.attribute("code", sector.getKey());
            xml.attribute("percentage", number(sector.getValue()));
            xml.end();
        }

        results(xml, counted);
        xml.end();
    }

    private void participant(Xml xml, Optional<String> ref, String type, String role, String name)
            throws XMLStreamException {
        xml.start("participating-org");
        if (ref.isPresent()) {
            xml.attribute("ref", ref.get());
        }
        xml.attribute("type", type);
        xml.attribute("role", role);
        xml.narrative(name);
        xml.end();
    }

    private Optional<String> ref(Organisation organisation) {
        return switch (organisation) {
            case EU -> config.euRef();
            case UN -> config.unRef();
            default -> Optional.empty();
        };
    }

    static String name(Organisation organisation) {
        return switch (organisation) {
            case EU -> "Union européenne";
            case UN -> "Organisation des Nations unies";
            default -> organisation.name();
        };
    }

    /** A case without a summary is still described (the schema requires a description): by its framework. */
    private static String describe(PartnerCase c, Mission mission) {
        return "Coopération internationale de sécurité de la France avec " + name(c.organisation())
                + (mission == null ? "" : " (" + mission.name() + ")") + " : " + c.title();
    }

    private static void date(Xml xml, String type, LocalDate date) throws XMLStreamException {
        xml.start("activity-date");
        xml.attribute("type", type);
        xml.attribute("iso-date", date.toString());
        xml.end();
    }

    /**
     * The planned end of an open case: the last planned day of its actions (not cancelled), when it is not before
     * the case's start. The start needs no planned date: the case's opening is its actual start.
     */
    static Optional<LocalDate> plannedEnd(PartnerCase c, List<PartnerAction> counted) {
        return counted.stream()
                .map(a -> a.plannedEnd() != null ? a.plannedEnd() : a.plannedStart())
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .filter(end -> !end.isBefore(c.openedOn()));
    }

    private static Instant lastUpdated(PartnerCase c, List<PartnerAction> actions) {
        Instant last = c.updatedAt();
        for (PartnerAction a : actions) {
            if (a.updatedAt() != null && (last == null || a.updatedAt().isAfter(last))) {
                last = a.updatedAt();
            }
        }
        return last;
    }

    /**
     * One result per result type, one indicator per outcome indicator and unit, one period per span of actions
     * (actual dates when known, else planned), the quantities of the actions of that span added up.
     */
    private static void results(Xml xml, List<PartnerAction> counted) throws XMLStreamException {
        Map<ResultType, Map<IndicatorKey, Map<Span, BigDecimal>>> results = new EnumMap<>(ResultType.class);
        for (PartnerAction a : counted) {
            Span span = Span.of(a);
            if (span == null) {
                continue;
            }
            for (PartnerAction.Result r : a.outcomes()) {
                if (r.quantity() == null) {
                    continue;
                }
                results.computeIfAbsent(resultType(r.indicator()), t -> new TreeMap<>())
                        .computeIfAbsent(new IndicatorKey(r.indicator(), r.unit() == null ? "" : r.unit()),
                                k -> new TreeMap<>())
                        .merge(span, r.quantity(), BigDecimal::add);
            }
        }
        for (Map.Entry<ResultType, Map<IndicatorKey, Map<Span, BigDecimal>>> result : results.entrySet()) {
            xml.start("result");
            xml.attribute("type", result.getKey().code);
            xml.start("title");
            xml.narrative(result.getKey().french);
            xml.narrative("en", result.getKey().english);
            xml.end();
            for (Map.Entry<IndicatorKey, Map<Span, BigDecimal>> indicator : result.getValue().entrySet()) {
                IndicatorKey key = indicator.getKey();
                String unit = key.unit().isEmpty() ? "" : " (" + key.unit() + ")";
                xml.start("indicator");
                xml.attribute("measure", MEASURE_UNIT);
                xml.attribute("ascending", "true");
                xml.start("title");
                xml.narrative(french(key.indicator()) + unit);
                xml.narrative("en", english(key.indicator()) + unit);
                xml.end();
                for (Map.Entry<Span, BigDecimal> period : indicator.getValue().entrySet()) {
                    xml.start("period");
                    xml.start("period-start");
                    xml.attribute("iso-date", period.getKey().start().toString());
                    xml.end();
                    xml.start("period-end");
                    xml.attribute("iso-date", period.getKey().end().toString());
                    xml.end();
                    xml.start("actual");
                    xml.attribute("value", number(period.getValue()));
                    xml.end();
                    xml.end();
                }
                xml.end();
            }
            xml.end();
        }
    }

    record IndicatorKey(Indicator indicator, String unit) implements Comparable<IndicatorKey> {
        @Override
        public int compareTo(IndicatorKey other) {
            int byIndicator = indicator.compareTo(other.indicator);
            return byIndicator != 0 ? byIndicator : unit.compareTo(other.unit);
        }
    }

    /** The days of an action: actual when known, else planned; never ending before it starts. */
    record Span(LocalDate start, LocalDate end) implements Comparable<Span> {
        static Span of(PartnerAction a) {
            LocalDate start = a.actualStart() != null ? a.actualStart() : a.plannedStart();
            if (start == null) {
                return null;
            }
            LocalDate end = a.actualEnd() != null ? a.actualEnd() : a.plannedEnd();
            return new Span(start, end == null || end.isBefore(start) ? start : end);
        }

        @Override
        public int compareTo(Span other) {
            int byStart = start.compareTo(other.start);
            return byStart != 0 ? byStart : end.compareTo(other.end);
        }
    }

    /**
     * {@code n} equal shares of 100 in hundredths, adding up to exactly 100: the hundredths left over by the
     * division go one each to the first shares (3 countries: 33.34, 33.33, 33.33).
     */
    public static List<BigDecimal> shares(int n) {
        List<BigDecimal> shares = new ArrayList<>(n);
        if (n == 0) {
            return shares;
        }
        int base = 10_000 / n;
        int left = 10_000 % n;
        for (int i = 0; i < n; i++) {
            shares.add(BigDecimal.valueOf(base + (i < left ? 1 : 0), 2));
        }
        return shares;
    }

    /**
     * The DAC codes of a case's themes with their percentages: each theme an equal share, themes of one code
     * adding up (cybercrime and expertise export are both 15130), in the order of the themes.
     */
    static Map<String, BigDecimal> sectorShares(List<Theme> themes) {
        List<Theme> distinct = themes.stream().distinct().toList();
        List<BigDecimal> shares = shares(distinct.size());
        Map<String, BigDecimal> sectors = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            sectors.merge(SECTORS.get(distinct.get(i)), shares.get(i), BigDecimal::add);
        }
        return sectors;
    }

    private static String number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** xsd:dateTime in UTC, to the second. */
    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** StAX with line breaks and indentation between elements (never inside text), so a person can read it. */
    private static final class Xml {
        private final XMLStreamWriter out;
        private int depth;
        private boolean hadChild;

        Xml(XMLStreamWriter out) {
            this.out = out;
        }

        void document() throws XMLStreamException {
            out.writeStartDocument("UTF-8", "1.0");
        }

        void start(String name) throws XMLStreamException {
            indent();
            out.writeStartElement(name);
            depth++;
            hadChild = false;
        }

        void attribute(String name, String value) throws XMLStreamException {
            out.writeAttribute(name, value);
        }

        void attribute(String prefix, String namespace, String name, String value) throws XMLStreamException {
            out.writeAttribute(prefix, namespace, name, value);
        }

        void end() throws XMLStreamException {
            depth--;
            if (hadChild) {
                indent();
            }
            out.writeEndElement();
            hadChild = true;
        }

        /** An element of text only. */
        void text(String name, String text) throws XMLStreamException {
            indent();
            out.writeStartElement(name);
            out.writeCharacters(xmlText(text));
            out.writeEndElement();
            hadChild = true;
        }

        /** A narrative in the activity's default language. */
        void narrative(String text) throws XMLStreamException {
            text("narrative", text);
        }

        void narrative(String language, String text) throws XMLStreamException {
            indent();
            out.writeStartElement("narrative");
            out.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language);
            out.writeCharacters(xmlText(text));
            out.writeEndElement();
            hadChild = true;
        }

        void finish() throws XMLStreamException {
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.flush();
            out.close();
        }

        /**
         * The text as XML 1.0 can hold it: StAX escapes markup but writes any character as it is, and a case's
         * title may hold a control character (the API refuses only NUL), which no XML reader would accept; such a
         * character becomes U+FFFD.
         */
        static String xmlText(String text) {
            StringBuilder clean = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                        || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
                if (!allowed && clean == null) {
                    clean = new StringBuilder(text.substring(0, i));
                }
                if (clean != null) {
                    clean.append(allowed ? c : '\uFFFD');
                }
            }
            return clean == null ? text : clean.toString();
        }

        private void indent() throws XMLStreamException {
            out.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
