package org.dcis.cooperation.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code data} of every dcis.posts.v1 event: the full post, as docs/conventions.md defines it, with the officers
 * posted there counted by force and by role (counts only, never names; absent from events older than issue 9).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostSnapshot(String id, String hostCountry, String city, String embassy, String status,
        LocalDate openedOn, LocalDate closedOn, List<String> coverage, Integer officerCount, long version,
        Map<String, Long> officersByForce, Map<String, Long> officersByRole) {

    /** A snapshot as events carried it before issue 9: no officer counts by force and role. */
    public PostSnapshot(String id, String hostCountry, String city, String embassy, String status, LocalDate openedOn,
            LocalDate closedOn, List<String> coverage, Integer officerCount, long version) {
        this(id, hostCountry, city, embassy, status, openedOn, closedOn, coverage, officerCount, version, null, null);
    }
}
