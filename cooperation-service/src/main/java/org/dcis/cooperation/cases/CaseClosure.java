package org.dcis.cooperation.cases;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** Closing a case: the date (today, the date in Paris, when absent; never in the future) and an optional closing note on the result. */
public record CaseClosure(LocalDate closedOn, @Size(max = 1000) String result) {
}
