package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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

import org.dcis.posts.rules.RegistryException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An internal-security service abroad. It guards its own lifecycle and its coverage: the countries it
 * is competent for, each claimed only if no other post covers it, with every change kept as history.
 * The version grows with every change, assignments included, so snapshots can be ordered by it.
 */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {
    private static final Pattern ID = Pattern.compile("[A-Z]{2}-[A-Z0-9][A-Z0-9-]{1,44}");

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
     * @param today the registry's current date: a post is recorded once it has opened, not in advance
     */
    public static Post open(String id, String hostCountry, String city, String embassy, LocalDate openedOn,
            Contact contact, Set<String> coverage, LocalDate today, CoverageLedger ledger) {
        if (!ID.matcher(id).matches()) {
            throw RegistryException.invalid("id", "a post id looks like SN-DAKAR: host country code, '-', city in capitals");
        }
        if (!id.startsWith(hostCountry + "-")) {
            throw RegistryException.rule("id", "post id " + id + " must start with its host country code " + hostCountry + "-");
        }
        if (openedOn.isAfter(today)) {
            throw RegistryException.rule("openedOn", "a post is recorded once open: openedOn " + openedOn + " is in the future");
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

    public void suspend(LocalDate on) {
        if (status != PostStatus.OPEN) {
            throw RegistryException.rule("status", "only an OPEN post can be suspended; " + id + " is " + status);
        }
        requireNotBeforeOpening(on, "on");
        status = PostStatus.SUSPENDED;
        version++;
    }

    public void resume(LocalDate on) {
        if (status != PostStatus.SUSPENDED) {
            throw RegistryException.rule("status", "only a SUSPENDED post can be reopened; " + id + " is " + status);
        }
        requireNotBeforeOpening(on, "on");
        status = PostStatus.OPEN;
        version++;
    }

    /**
     * Closes the post and releases its coverage on the closing day, so another post can take the
     * countries over. Officers must have left first: their assignments say where they served.
     */
    public void close(LocalDate on, long currentAssignments) {
        requireNotClosed("status");
        requireNotBeforeOpening(on, "on");
        if (currentAssignments > 0) {
            throw RegistryException.rule("status", id + " still has " + currentAssignments
                    + " current assignment(s); end them before closing the post");
        }
        for (CoveragePeriod period : coverage) {
            if (period.isCurrent()) {
                if (on.isBefore(period.validFrom())) {
                    throw RegistryException.rule("on", "closing date " + on + " is before coverage of "
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
    public void changeCoverage(Set<String> countries, LocalDate effectiveOn, LocalDate today, CoverageLedger ledger) {
        requireNotClosed("countries");
        requireNotBeforeOpening(effectiveOn, "effectiveOn");
        if (effectiveOn.isAfter(today)) {
            throw RegistryException.rule("effectiveOn", "coverage changes are recorded when they happen: "
                    + effectiveOn + " is in the future");
        }
        if (!countries.contains(hostCountry)) {
            throw RegistryException.rule("countries", "a post always covers its host country " + hostCountry);
        }
        Set<String> current = currentCoverage();
        if (current.equals(countries)) {
            throw RegistryException.rule("countries", "the coverage of " + id + " is already " + countries);
        }
        for (CoveragePeriod period : coverage) {
            if (period.isCurrent() && !countries.contains(period.countryCode())) {
                if (effectiveOn.isBefore(period.validFrom())) {
                    throw RegistryException.rule("effectiveOn", "coverage of " + period.countryCode()
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
            throw RegistryException.rule("postId", "post " + id + " is closed since " + closedOn);
        }
        if (startsOn.isBefore(openedOn)) {
            throw RegistryException.rule("startsOn", "startsOn " + startsOn + " is before " + id + " opened (" + openedOn + ")");
        }
    }

    private void claim(Set<String> countries, LocalDate from, CoverageLedger ledger, String field) {
        for (String country : countries) {
            Optional<String> covering = ledger.currentPost(country, id);
            if (covering.isPresent()) {
                throw RegistryException.conflict(field, "country " + country + " is already covered by post " + covering.get());
            }
            Optional<LocalDate> lastEnd = ledger.lastEnd(country, id);
            Optional<LocalDate> ownEnd = coverage.stream().filter(p -> p.countryCode().equals(country))
                    .map(CoveragePeriod::validTo).filter(java.util.Objects::nonNull).max(LocalDate::compareTo);
            for (Optional<LocalDate> end : List.of(lastEnd, ownEnd)) {
                if (end.isPresent() && from.isBefore(end.get())) {
                    throw RegistryException.conflict(field, "country " + country + " was covered until " + end.get()
                            + "; coverage from " + from + " would overlap that history");
                }
            }
            coverage.add(new CoveragePeriod(this, country, from));
        }
    }

    private void requireNotClosed(String field) {
        if (status == PostStatus.CLOSED) {
            throw RegistryException.rule(field, "post " + id + " is closed since " + closedOn);
        }
    }

    private void requireNotBeforeOpening(LocalDate on, String field) {
        if (on.isBefore(openedOn)) {
            throw RegistryException.rule(field, on + " is before the post opened (" + openedOn + ")");
        }
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
