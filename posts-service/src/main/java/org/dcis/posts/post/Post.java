package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.dcis.platform.problem.Conflict;
import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.problem.Violation;
import org.dcis.platform.reference.PostIds;
import org.dcis.platform.time.SuiteCalendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An internal-security service abroad. It guards its own lifecycle and its coverage: the countries it
 * is competent for, each claimed only if no other post covers it, with every change kept as history.
 * The version is 1 when opened and grows by one with every change, assignments included, so snapshots can
 * be ordered by it. Everything it needs to decide comes in as arguments (the calendar, what the rest of the
 * registry knows of coverage, the number of current assignments), so its rules hold without a database.
 */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {
    @Id
    private String id;

    @Column(name = "host_country")
    private String hostCountry;

    private String city;
    private String embassy;

    @Enumerated(EnumType.STRING)
    private PostStatus status;

    @Column(name = "opened_on")
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Embedded
    private Contact contact;

    private long version;

    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL)
    @OrderBy("countryCode, validFrom")
    private List<CoveragePeriod> coverage = new ArrayList<>();

    protected Post() {
    }

    /**
     * Opens a post that covers its host country and the given countries from its opening day.
     *
     * @param calendar the suite's calendar: a post is recorded once it has opened, not in advance
     */
    public static Post open(String id, String hostCountry, String city, String embassy, LocalDate openedOn,
            Contact contact, Set<String> coverage, SuiteCalendar calendar, CoverageLedger ledger) {
        if (!PostIds.isValid(id)) {
            throw new InvalidParameter("id", PostIds.MESSAGE);
        }
        if (!id.startsWith(hostCountry + "-")) {
            throw new RuleViolation("id", "post id " + id + " must start with its host country code " + hostCountry + "-");
        }
        if (calendar.isInFuture(openedOn)) {
            throw new RuleViolation("openedOn", "a post is recorded once open: openedOn " + openedOn + " is in the future");
        }
        Post post = new Post();
        post.id = id;
        post.hostCountry = hostCountry;
        post.city = city;
        post.embassy = embassy;
        post.contact = contact;
        post.openedOn = openedOn;
        post.status = PostStatus.OPEN;
        post.version = 1;
        Set<String> countries = new TreeSet<>(coverage);
        countries.add(hostCountry);
        post.claim(countries, openedOn, ledger, "coverage");
        return post;
    }

    public void update(String city, String embassy, Contact contact) {
        requireNotClosed("status");
        this.city = city;
        this.embassy = embassy;
        this.contact = contact;
        version++;
    }

    public void suspend(LocalDate on, SuiteCalendar calendar) {
        requireNotInFuture(on, calendar);
        if (status != PostStatus.OPEN) {
            throw new RuleViolation("status", "only an OPEN post can be suspended; " + id + " is " + status);
        }
        requireNotBeforeOpening(on, "on");
        status = PostStatus.SUSPENDED;
        version++;
    }

    public void resume(LocalDate on, SuiteCalendar calendar) {
        requireNotInFuture(on, calendar);
        if (status != PostStatus.SUSPENDED) {
            throw new RuleViolation("status", "only a SUSPENDED post can be reopened; " + id + " is " + status);
        }
        requireNotBeforeOpening(on, "on");
        status = PostStatus.OPEN;
        version++;
    }

    /**
     * Closes the post and releases its coverage on the closing day, so another post can take the
     * countries over. Officers must have left first: their assignments say where they served.
     */
    public void close(LocalDate on, long currentAssignments, SuiteCalendar calendar) {
        requireNotInFuture(on, calendar);
        requireNotClosed("status");
        requireNotBeforeOpening(on, "on");
        if (currentAssignments > 0) {
            throw new RuleViolation("status", id + " still has " + currentAssignments
                    + " current assignment(s); end them before closing the post");
        }
        for (CoveragePeriod period : coverage) {
            if (period.isCurrent()) {
                if (on.isBefore(period.validFrom())) {
                    throw new RuleViolation("on", "closing date " + on + " is before coverage of "
                            + period.countryCode() + " began (" + period.validFrom() + ")");
                }
                period.end(on);
            }
        }
        status = PostStatus.CLOSED;
        closedOn = on;
        version++;
    }

    /**
     * Replaces the post's coverage from a given day: countries dropped stop being covered that day,
     * countries added are claimed from it. The host country stays covered while the post exists.
     */
    public void changeCoverage(Set<String> countries, LocalDate effectiveOn, SuiteCalendar calendar,
            CoverageLedger ledger) {
        requireNotClosed("countries");
        requireNotBeforeOpening(effectiveOn, "effectiveOn");
        if (calendar.isInFuture(effectiveOn)) {
            throw new RuleViolation("effectiveOn", "coverage changes are recorded when they happen: "
                    + effectiveOn + " is in the future");
        }
        if (!countries.contains(hostCountry)) {
            throw new RuleViolation("countries", "a post always covers its host country " + hostCountry);
        }
        Set<String> current = currentCoverage();
        if (current.equals(countries)) {
            throw new RuleViolation("countries", "the coverage of " + id + " is already " + countries);
        }
        for (CoveragePeriod period : coverage) {
            if (period.isCurrent() && !countries.contains(period.countryCode())) {
                if (effectiveOn.isBefore(period.validFrom())) {
                    throw new RuleViolation("effectiveOn", "coverage of " + period.countryCode()
                            + " began on " + period.validFrom() + ", after " + effectiveOn);
                }
                period.end(effectiveOn);
            }
        }
        Set<String> added = new TreeSet<>(countries);
        added.removeAll(current);
        claim(added, effectiveOn, ledger, "countries");
        version++;
    }

    /** Records that an officer joined or left: the snapshot (officer count) changes, so does the version. */
    public void staffChanged() {
        version++;
    }

    public void requireOpenForAssignments(LocalDate startsOn) {
        if (status == PostStatus.CLOSED) {
            throw new RuleViolation("postId", "post " + id + " is closed since " + closedOn);
        }
        if (startsOn.isBefore(openedOn)) {
            throw new RuleViolation("startsOn", "startsOn " + startsOn + " is before " + id + " opened (" + openedOn + ")");
        }
    }

    private void claim(Set<String> countries, LocalDate from, CoverageLedger ledger, String field) {
        for (String country : countries) {
            Optional<String> covering = ledger.currentPost(country, id);
            if (covering.isPresent()) {
                throw conflict(field, "country " + country + " is already covered by post " + covering.get());
            }
            Optional<LocalDate> lastEnd = ledger.lastEnd(country, id);
            Optional<LocalDate> ownEnd = coverage.stream().filter(p -> p.countryCode().equals(country))
                    .map(CoveragePeriod::validTo).filter(java.util.Objects::nonNull).max(LocalDate::compareTo);
            for (Optional<LocalDate> end : List.of(lastEnd, ownEnd)) {
                if (end.isPresent() && from.isBefore(end.get())) {
                    throw conflict(field, "country " + country + " was covered until " + end.get()
                            + "; coverage from " + from + " would overlap that history");
                }
            }
            coverage.add(new CoveragePeriod(this, country, from));
        }
    }

    private void requireNotClosed(String field) {
        if (status == PostStatus.CLOSED) {
            throw new RuleViolation(field, "post " + id + " is closed since " + closedOn);
        }
    }

    private void requireNotBeforeOpening(LocalDate on, String field) {
        if (on.isBefore(openedOn)) {
            throw new RuleViolation(field, on + " is before the post opened (" + openedOn + ")");
        }
    }

    /** A status change is recorded when it happens, not announced in advance. */
    private static void requireNotInFuture(LocalDate on, SuiteCalendar calendar) {
        if (calendar.isInFuture(on)) {
            throw new RuleViolation("on", "a status change is recorded when it happens: " + on + " is in the future");
        }
    }

    private static Conflict conflict(String field, String message) {
        return new Conflict(message, List.of(new Violation(field, message)));
    }

    public Set<String> currentCoverage() {
        Set<String> countries = new TreeSet<>();
        coverage.stream().filter(CoveragePeriod::isCurrent).forEach(p -> countries.add(p.countryCode()));
        return countries;
    }

    public Set<String> coverageOn(LocalDate day) {
        Set<String> countries = new TreeSet<>();
        coverage.stream().filter(p -> p.covers(day)).forEach(p -> countries.add(p.countryCode()));
        return countries;
    }

    public List<CoveragePeriod> coverageHistory() {
        return List.copyOf(coverage);
    }

    public String id() {
        return id;
    }

    public String hostCountry() {
        return hostCountry;
    }

    public String city() {
        return city;
    }

    public String embassy() {
        return embassy;
    }

    public PostStatus status() {
        return status;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public Contact contact() {
        return contact;
    }

    public long version() {
        return version;
    }
}
