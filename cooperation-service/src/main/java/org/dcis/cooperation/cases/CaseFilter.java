package org.dcis.cooperation.cases;

import java.time.LocalDate;

import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.shared.Organisation;

/**
 * Filters of the case list; every one is optional.
 *
 * @param country partner country or any country concerned
 * @param from    opened on or after
 * @param to      opened on or before
 * @param kind    cases with at least one action of this kind
 */
public record CaseFilter(Theme theme, ActionKind kind, Framework framework, Organisation organisation, String mission,
        String country, String post, CaseStatus status, Handling handling, LocalDate from, LocalDate to, String text) {
}
