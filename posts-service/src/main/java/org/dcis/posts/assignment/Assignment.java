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

import org.dcis.platform.problem.Conflict;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.problem.Violation;
import org.dcis.platform.time.SuiteCalendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One officer posted to one post for a period [startsOn, endsOn]; current while it has no end.
 * An officer's periods never overlap, so at most one assignment is current. The version is 1 when created
 * and grows by one at each change. Its rules need no database: the officer's other assignments and the
 * calendar come in as arguments.
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
     * @param endsOn   only for a past assignment recorded afterwards: an assignment ends when the officer leaves
     * @param others   the officer's other assignments, to keep periods apart
     * @param calendar the suite's calendar, to refuse an end in the future
     */
    public static Assignment post(Officer officer, String postId, OfficerRole role, LocalDate startsOn, LocalDate endsOn,
            List<Assignment> others, SuiteCalendar calendar) {
        if (endsOn != null && calendar.isInFuture(endsOn)) {
            throw new RuleViolation("endsOn", "an assignment ends when the officer leaves: " + endsOn
                    + " is in the future; leave it empty for a current assignment");
        }
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new RuleViolation("endsOn", "endsOn " + endsOn + " is before startsOn " + startsOn);
        }
        for (Assignment other : others) {
            if (other.isCurrent() && endsOn == null) {
                throw conflict("officer.id", "officer " + officer.id()
                        + " already has a current assignment at " + other.postId + " (assignment " + other.id + ")");
            }
            if (other.overlaps(startsOn, endsOn)) {
                throw conflict("startsOn", "officer " + officer.id() + " is assigned to "
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

    /** Ends the assignment on the officer's last day at the post, which has come already. */
    public void end(LocalDate on, SuiteCalendar calendar) {
        if (calendar.isInFuture(on)) {
            throw new RuleViolation("endsOn", "an assignment is ended when the officer leaves: " + on + " is in the future");
        }
        if (!isCurrent()) {
            throw new RuleViolation("endsOn", "assignment " + id + " already ended on " + endsOn);
        }
        if (on.isBefore(startsOn)) {
            throw new RuleViolation("endsOn", "endsOn " + on + " is before startsOn " + startsOn);
        }
        endsOn = on;
        version++;
    }

    private static Conflict conflict(String field, String message) {
        return new Conflict(message, List.of(new Violation(field, message)));
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
