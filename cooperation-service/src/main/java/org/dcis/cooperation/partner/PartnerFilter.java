package org.dcis.cooperation.partner;

import java.time.LocalDate;

import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.Theme;

/** The filters of the partner case list; each absent one narrows nothing. {@code from}/{@code to}: opened on. */
public record PartnerFilter(String mission, String country, Theme theme, CaseStatus status, LocalDate from,
        LocalDate to) {
    public static final PartnerFilter NONE = new PartnerFilter(null, null, null, null, null, null);
}
