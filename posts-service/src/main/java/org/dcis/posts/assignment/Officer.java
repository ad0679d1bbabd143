package org.dcis.posts.assignment;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dcis.posts.theme.Theme;
import org.dcis.posts.theme.ThemesConverter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A police officer or gendarme known to the registry by an internal id; names are personal data. */
@Entity
@Table(name = "officer")
public class Officer extends PanacheEntityBase {
    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private Force force;

    private String rank;

    @Column(name = "given_name")
    private String givenName;

    @Column(name = "family_name")
    private String familyName;

    @Convert(converter = ThemesConverter.class)
    private Set<Theme> specialities = EnumSet.noneOf(Theme.class);

    /** The stored form of the specialities, read-only, for filtering by theme in queries. */
    @Column(name = "specialities", insertable = false, updatable = false)
    private String specialityCodes;

    protected Officer() {
    }

    public Officer(String id, Force force, String rank, String givenName, String familyName, Set<Theme> specialities) {
        this.id = id;
        describe(force, rank, givenName, familyName, specialities);
    }

    /** The officer's record follows what the latest assignment says (promotions, new specialities). */
    public void describe(Force force, String rank, String givenName, String familyName, Set<Theme> specialities) {
        this.force = force;
        this.rank = rank;
        this.givenName = givenName;
        this.familyName = familyName;
        this.specialities = specialities.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(specialities);
    }

    public String id() {
        return id;
    }

    public Force force() {
        return force;
    }

    public String rank() {
        return rank;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    /** What the registry stores of the officer, personal data included (the audit trail records it as such). */
    public AssignmentState.OfficerState state() {
        return new AssignmentState.OfficerState(id, force, rank, specialities(), givenName, familyName);
    }

    public Set<Theme> specialities() {
        EnumSet<Theme> copy = EnumSet.noneOf(Theme.class);
        copy.addAll(specialities);
        return copy;
    }
}
