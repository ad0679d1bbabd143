package org.dcis.cooperation.cases;

import java.time.LocalDate;

import org.dcis.cooperation.reference.Organisation;

/**
 * Filters of the case list; every one is optional (null).
 *
 * @param activity cases with at least one action of a kind (see {@link CaseActivity})
 * @param country  partner country or any country concerned
 * @param from     opened on or after
 * @param to       opened on or before
 */
public record CaseFilter(Theme theme, CaseActivity.Condition activity, Framework framework, Organisation organisation,
        String mission, String country, String post, CaseStatus status, Handling handling, LocalDate from, LocalDate to,
        String text) {
}
