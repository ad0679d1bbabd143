package org.dcis.cooperation.missions;

/** What a partner mission system reports about its mission's mandate. */
public enum MissionReportKind {
    MANDATE_EXTENDED, SUSPENDED, ENDED
}
