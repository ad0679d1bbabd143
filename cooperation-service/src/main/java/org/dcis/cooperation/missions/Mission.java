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
import jakarta.persistence.Version;

import org.dcis.cooperation.shared.Organisation;
import org.dcis.cooperation.shared.RuleViolation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A multilateral mission of the reference list (EU CSDP mission, UN operation, ...). */
@Entity
@Table(name = "mission")
public class Mission {
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
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Mission() {
    }

    static Mission create(String code, MissionTerms terms, Instant now) {
        Mission mission = new Mission();
        mission.code = code;
        mission.revise(terms, now);
        return mission;
    }

    void revise(MissionTerms terms, Instant now) {
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
