package org.dcis.cooperation.dashboard;

import java.time.LocalDate;

import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.reference.Continents.Continent;
import org.dcis.cooperation.reference.Organisation;

/**
 * What a dashboard query is narrowed to; every field may be null (no narrowing). {@code from} and {@code to} are
 * inclusive Paris calendar dates. {@code caseStatus} narrows cases and the actions of cases in that status;
 * {@code actionStatus}, {@code kind} and {@code type} describe actions only, so they narrow action figures and
 * indicators, not case counts. {@code post} is the officer's own post whatever they asked (the resource checks it).
 */
public record DashboardFilter(LocalDate from, LocalDate to, String post, String country, Continent continent,
        Organisation organisation, String mission, Theme theme, ActionKind kind, ActionType type, Framework framework,
        CaseStatus caseStatus, ActionStatus actionStatus) {

    public static DashboardFilter none() {
        return new DashboardFilter(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same filter over other days (a partial month of the period). */
    public DashboardFilter forDays(LocalDate first, LocalDate last) {
        return new DashboardFilter(first, last, post, country, continent, organisation, mission, theme, kind, type,
                framework, caseStatus, actionStatus);
    }

    public DashboardFilter forPost(String ownPost) {
        return new DashboardFilter(from, to, ownPost, country, continent, organisation, mission, theme, kind, type,
                framework, caseStatus, actionStatus);
    }
}
