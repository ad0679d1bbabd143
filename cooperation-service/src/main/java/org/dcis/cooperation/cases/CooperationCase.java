package org.dcis.cooperation.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dcis.cooperation.directory.DirectoryPost;
import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.security.Caller;
import org.dcis.platform.time.SuiteCalendar;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A cooperation file: what France does with which partner, in which framework, on which themes. It
 * guards its own consistency (framework, mission, speciality, lead post coverage, dates, status) and counts
 * its versions: 1 when opened, one more at each change. Concurrent writers are kept apart by
 * {@link CaseService}, which reads a case it changes with a row lock, so the version check and the change
 * are one step. Plain Java apart from its mapping: its rules run without a database (CooperationCaseTest).
 */
@Entity
@Table(name = "cooperation_case")
public class CooperationCase {
    @Id
    private UUID id;
    private String title;
    private String summary;
    @Enumerated(EnumType.STRING)
    private Framework framework;
    @Column(name = "partner_country")
    private String partnerCountry;
    @Enumerated(EnumType.STRING)
    private Organisation organisation;
    @Column(name = "mission_code")
    private String mission;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] themes;
    @Enumerated(EnumType.STRING)
    private ExpertiseSpeciality speciality;
    @Column(name = "lead_post")
    private String leadPost;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] countries;
    @Enumerated(EnumType.STRING)
    private Handling handling;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "releasable_to")
    private String[] releasableTo;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Column(name = "opened_on")
    private LocalDate openedOn;
    @Column(name = "closed_on")
    private LocalDate closedOn;
    @Column(name = "expected_return")
    private String expectedReturn;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private long version;

    protected CooperationCase() {
    }

    /**
     * Opens a case led by {@code leadPost}; {@code mission} is the mission the terms name, if any. Its
     * {@code openedOn} is today (in Paris) unless the terms say otherwise, and never in the future.
     */
    static CooperationCase open(CaseTerms terms, DirectoryPost leadPost, Mission mission, String createdBy,
            SuiteCalendar calendar) {
        CooperationCase c = new CooperationCase();
        c.id = UUID.randomUUID();
        c.leadPost = terms.leadPost();
        c.status = CaseStatus.OPEN;
        c.createdBy = createdBy;
        c.createdAt = calendar.now();
        c.apply(terms, leadPost, mission, calendar, c.createdAt);
        c.version = 1;
        return c;
    }

    /** Replaces the terms of an open case; the lead post stays the same. */
    void revise(CaseTerms terms, DirectoryPost leadPost, Mission mission, SuiteCalendar calendar) {
        requireOpen();
        if (!this.leadPost.equals(terms.leadPost())) {
            throw new RuleViolation("leadPost", "the lead post of a case cannot change (it is " + this.leadPost + ")");
        }
        apply(terms, leadPost, mission, calendar, calendar.now());
        version++;
    }

    /** Closes an open case on the given date (today in Paris when absent), neither before it opened nor in the future. */
    void close(CaseClosure closure, SuiteCalendar calendar) {
        requireOpen();
        LocalDate on = closure.closedOn() == null ? calendar.today() : closure.closedOn();
        if (calendar.isInFuture(on)) {
            throw new RuleViolation("closedOn", "a case cannot be closed in the future (" + on + ")");
        }
        if (on.isBefore(openedOn)) {
            throw new RuleViolation("closedOn", "a case cannot close (" + on + ") before it opened (" + openedOn + ")");
        }
        if (closure.result() != null && !closure.result().isBlank()) {
            String note = expectedReturn == null ? closure.result() : expectedReturn + "\n" + closure.result();
            if (note.length() > 1000) {
                throw new RuleViolation("result", "the note on the return would exceed 1000 characters");
            }
            expectedReturn = note;
        }
        status = CaseStatus.CLOSED;
        closedOn = on;
        updatedAt = calendar.now();
        version++;
    }

    /** Actions are logged and edited only on open cases. */
    public void requireOpen() {
        if (status != CaseStatus.OPEN) {
            throw new RuleViolation("status", "case " + id + " is " + status + "; it can no longer change");
        }
    }

    /** Officers read every INTERNAL case and the RESTRICTED ones of their own post; HQ reads everything. */
    public boolean isVisibleTo(Caller caller) {
        return CaseAccess.canRead(caller, handling, leadPost);
    }

    private void apply(CaseTerms terms, DirectoryPost post, Mission mission, SuiteCalendar calendar, Instant now) {
        if (terms.framework() == Framework.BILATERAL) {
            if (terms.partnerCountry() == null) {
                throw new RuleViolation("partnerCountry", "a bilateral case needs a partner country");
            }
            if (terms.organisation() != null || terms.mission() != null) {
                throw new RuleViolation(terms.organisation() != null ? "organisation" : "mission",
                        "a bilateral case has no organisation nor mission");
            }
            if (!post.covers(terms.partnerCountry())) {
                throw new RuleViolation("partnerCountry", "partner country " + terms.partnerCountry()
                        + " is not covered by lead post " + post.id() + " (coverage " + post.coverage() + ")");
            }
        } else {
            if (terms.organisation() == null) {
                throw new RuleViolation("organisation", "a multilateral case needs an organisation");
            }
            if (terms.partnerCountry() != null) {
                throw new RuleViolation("partnerCountry", "a multilateral case has no single partner country");
            }
            if (mission != null && mission.organisation() != terms.organisation()) {
                throw new RuleViolation("mission", "mission " + mission.code() + " belongs to " + mission.organisation()
                        + ", not to " + terms.organisation());
            }
        }
        Set<Theme> themeSet = new LinkedHashSet<>(terms.themes());
        boolean exportsExpertise = themeSet.contains(Theme.EXPERTISE_EXPORT);
        if (exportsExpertise && terms.speciality() == null) {
            throw new RuleViolation("speciality", "theme EXPERTISE_EXPORT needs a speciality");
        }
        if (!exportsExpertise && terms.speciality() != null) {
            throw new RuleViolation("speciality", "a speciality is given only with theme EXPERTISE_EXPORT");
        }
        LocalDate opened = terms.openedOn() == null ? (openedOn == null ? calendar.today() : openedOn) : terms.openedOn();
        if (calendar.isInFuture(opened)) {
            throw new RuleViolation("openedOn", "a case cannot be opened in the future (" + opened + ")");
        }
        Set<String> concerned = new LinkedHashSet<>();
        if (terms.partnerCountry() != null) {
            concerned.add(terms.partnerCountry());
        }
        if (terms.countries() != null) {
            concerned.addAll(terms.countries());
        }
        title = terms.title().strip();
        summary = terms.summary();
        framework = terms.framework();
        partnerCountry = terms.partnerCountry();
        organisation = terms.organisation();
        this.mission = mission == null ? null : mission.code();
        themes = themeSet.stream().sorted().map(Enum::name).toArray(String[]::new);
        speciality = terms.speciality();
        countries = concerned.stream().sorted().toArray(String[]::new);
        handling = terms.handling() == null ? Handling.INTERNAL : terms.handling();
        releasableTo = terms.releasableTo() == null ? new String[0]
                : terms.releasableTo().stream().distinct().sorted().map(Enum::name).toArray(String[]::new);
        openedOn = opened;
        expectedReturn = terms.expectedReturn();
        updatedAt = now;
    }

    public CaseSnapshot snapshot() {
        return new CaseSnapshot(id, title, summary, framework, partnerCountry, organisation, mission,
                Arrays.stream(themes).map(Theme::valueOf).toList(), speciality, leadPost, List.of(countries), handling,
                Arrays.stream(releasableTo).map(Organisation::valueOf).toList(), status, openedOn, closedOn,
                expectedReturn, createdBy, createdAt, updatedAt, version);
    }

    public UUID id() {
        return id;
    }

    public String leadPost() {
        return leadPost;
    }

    public CaseStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Handling handling() {
        return handling;
    }
}
