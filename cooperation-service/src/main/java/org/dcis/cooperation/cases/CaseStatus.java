package org.dcis.cooperation.cases;

/** Life of a case. */
public enum CaseStatus {
    OPEN, CLOSED
}
