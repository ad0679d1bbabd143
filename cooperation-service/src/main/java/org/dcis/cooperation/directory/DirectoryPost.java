package org.dcis.cooperation.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * This service's copy of a post of the registry, as last announced on dcis.posts.v1. Only a snapshot
 * with a higher version than the stored one changes it.
 */
@Entity
@Table(name = "directory_post")
public class DirectoryPost {
    public static final String OPEN = "OPEN";

    @Id
    private String id;
    @Column(name = "host_country")
    private String hostCountry;
    private String city;
    private String embassy;
    private String status;
    @Column(name = "opened_on")
    private LocalDate openedOn;
    @Column(name = "closed_on")
    private LocalDate closedOn;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] coverage;
    @Column(name = "officer_count")
    private int officerCount;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "officers_by_force")
    private Map<String, Long> officersByForce;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "officers_by_role")
    private Map<String, Long> officersByRole;
    private long version;
    @Column(name = "last_event_id")
    private String lastEventId;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected DirectoryPost() {
    }

    /** A post as first announced; public so that the rules of cases can be tried on one without a database. */
    public static DirectoryPost from(PostSnapshot snapshot, String eventId, Instant now) {
        DirectoryPost post = new DirectoryPost();
        post.id = snapshot.id();
        post.copy(snapshot, eventId, now);
        return post;
    }

    /** Applies a snapshot if it is newer; returns whether anything changed. */
    boolean apply(PostSnapshot snapshot, String eventId, Instant now) {
        if (snapshot.version() <= version) {
            return false;
        }
        copy(snapshot, eventId, now);
        return true;
    }

    private void copy(PostSnapshot snapshot, String eventId, Instant now) {
        hostCountry = snapshot.hostCountry();
        city = snapshot.city();
        embassy = snapshot.embassy();
        status = snapshot.status();
        openedOn = snapshot.openedOn();
        closedOn = snapshot.closedOn();
        coverage = snapshot.coverage() == null ? new String[0] : snapshot.coverage().stream().sorted().toArray(String[]::new);
        officerCount = snapshot.officerCount() == null ? 0 : snapshot.officerCount();
        officersByForce = snapshot.officersByForce() == null ? new TreeMap<>() : new TreeMap<>(snapshot.officersByForce());
        officersByRole = snapshot.officersByRole() == null ? new TreeMap<>() : new TreeMap<>(snapshot.officersByRole());
        version = snapshot.version();
        lastEventId = eventId;
        updatedAt = now;
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    public boolean covers(String country) {
        return Arrays.asList(coverage).contains(country);
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

    public String status() {
        return status;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public List<String> coverage() {
        return List.of(coverage);
    }

    public int officerCount() {
        return officerCount;
    }

    /** Officers posted here by force (POLICE_NATIONALE, GENDARMERIE_NATIONALE): counts from the registry. */
    public Map<String, Long> officersByForce() {
        return officersByForce == null ? Map.of() : Map.copyOf(officersByForce);
    }

    /** Officers posted here by role (HEAD_OF_SERVICE, DEPUTY, LIAISON_OFFICER, TECHNICAL_EXPERT). */
    public Map<String, Long> officersByRole() {
        return officersByRole == null ? Map.of() : Map.copyOf(officersByRole);
    }

    public long version() {
        return version;
    }

    public String lastEventId() {
        return lastEventId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
