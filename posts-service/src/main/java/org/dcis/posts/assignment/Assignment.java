package org.dcis.posts.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.dcis.posts.rules.RegistryException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One officer posted to one post for a period [startsOn, endsOn]; current while it has no end.
 * An officer's periods never overlap, so at most one assignment is current.
 */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {
    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "officer_id")
    private Officer officer;

    @Column(name = "post_id")
    private String postId;

    @Enumerated(EnumType.STRING)
    private OfficerRole role;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    private long version;

    protected Assignment() {
    }

    /**
     * Posts an officer.
     *
     * @param others the officer's other assignments, to keep periods apart
     */
    public static Assignment post(Officer officer, String postId, OfficerRole role, LocalDate startsOn, LocalDate endsOn,
            List<Assignment> others) {
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw RegistryException.rule("endsOn", "endsOn " + endsOn + " is before startsOn " + startsOn);
        }
        for (Assignment other : others) {
            if (other.isCurrent() && endsOn == null) {
                throw RegistryException.conflict("officer.id", "officer " + officer.id()
                        + " already has a current assignment at " + other.postId + " (assignment " + other.id + ")");
            }
            if (other.overlaps(startsOn, endsOn)) {
                throw RegistryException.conflict("startsOn", "officer " + officer.id() + " is assigned to "
                        + other.postId + " from " + other.startsOn + (other.endsOn == null ? "" : " to " + other.endsOn)
                        + ", which overlaps this period");
            }
        }
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.officer = officer;
        assignment.postId = postId;
        assignment.role = role;
        assignment.startsOn = startsOn;
        assignment.endsOn = endsOn;
        assignment.version = 1;
        return assignment;
    }

    public void end(LocalDate on) {
        if (!isCurrent()) {
            throw RegistryException.rule("endsOn", "assignment " + id + " already ended on " + endsOn);
        }
        if (on.isBefore(startsOn)) {
            throw RegistryException.rule("endsOn", "endsOn " + on + " is before startsOn " + startsOn);
        }
        endsOn = on;
        version++;
    }

    boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = endsOn == null || !from.isAfter(endsOn);
        boolean endsAfterOtherStarts = to == null || !to.isBefore(startsOn);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    public boolean isCurrent() {
        return endsOn == null;
    }

    public UUID id() {
        return id;
    }

    public Officer officer() {
        return officer;
    }

    public String postId() {
        return postId;
    }

    public OfficerRole role() {
        return role;
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
}
