package org.dcis.posts.post;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A period [validFrom, validTo) during which a post was competent for a country; open-ended while current. */
@Entity
@Table(name = "coverage_period")
public class CoveragePeriod extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    @Column(name = "country_code")
    private String countryCode;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected CoveragePeriod() {
    }

    CoveragePeriod(Post post, String countryCode, LocalDate validFrom) {
        this.post = post;
        this.countryCode = countryCode;
        this.validFrom = validFrom;
    }

    public String postId() {
        return post.id();
    }

    public String countryCode() {
        return countryCode;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public boolean isCurrent() {
        return validTo == null;
    }

    public boolean covers(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    void end(LocalDate on) {
        this.validTo = on;
    }
}
