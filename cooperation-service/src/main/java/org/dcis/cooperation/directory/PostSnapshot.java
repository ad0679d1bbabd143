package org.dcis.cooperation.directory;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code data} of every dcis.posts.v1 event: the full post, as docs/conventions.md defines it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostSnapshot(String id, String hostCountry, String city, String embassy, String status,
        LocalDate openedOn, LocalDate closedOn, List<String> coverage, Integer officerCount, long version) {
}
