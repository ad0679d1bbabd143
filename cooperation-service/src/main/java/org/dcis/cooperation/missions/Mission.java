package org.dcis.cooperation.missions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.problem.RuleViolation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A multilateral mission of the reference list (EU CSDP mission, UN operation, ...): its organisation, its
 * host countries (distinct, in order) and its dates (it never ends before it starts). Version 1 when created,
 * one more at each revision (MissionService reads a mission it revises with a row lock). Plain Java apart
 * from its mapping: its rules run without a database (MissionTest).
 */
@Entity
@Table(name = "mission")
public class Mission {
    /** A mission code: capitals, digits and dashes, 2 to 40 characters (the column is VARCHAR(40)). */
    public static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{1,39}";
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(CODE_PATTERN);

    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private Organisation organisation;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "host_countries")
    private String[] hostCountries;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Mission() {
    }

    /** A new mission of the list; public so that other features' rules can be tried on one without a database. */
    public static Mission create(String code, MissionTerms terms, Instant now) {
        Mission mission = new Mission();
        mission.code = code;
        mission.apply(terms, now);
        mission.version = 1;
        return mission;
    }

    /** Whether a text can be a mission code at all (else it names no mission, and is never looked up). */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    void revise(MissionTerms terms, Instant now) {
        apply(terms, now);
        version++;
    }

    private void apply(MissionTerms terms, Instant now) {
        if (terms.endsOn() != null && terms.endsOn().isBefore(terms.startsOn())) {
            throw new RuleViolation("endsOn", "a mission cannot end (" + terms.endsOn() + ") before it starts (" + terms.startsOn() + ")");
        }
        name = terms.name();
        organisation = terms.organisation();
        hostCountries = terms.hostCountries().stream().distinct().sorted().toArray(String[]::new);
        startsOn = terms.startsOn();
        endsOn = terms.endsOn();
        updatedAt = now;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Organisation organisation() {
        return organisation;
    }

    public List<String> hostCountries() {
        return List.of(hostCountries);
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
