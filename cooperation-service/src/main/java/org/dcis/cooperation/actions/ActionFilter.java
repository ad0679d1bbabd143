package org.dcis.cooperation.actions;

import org.dcis.cooperation.reference.Continents;

import java.time.LocalDate;
import java.util.UUID;

import org.dcis.cooperation.cases.Framework;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.reference.Organisation;

/**
 * Filters of the action lists; every one is optional.
 *
 * @param country country of the place
 * @param continent continent of the place (UN M49, as the dashboard's filter)
 * @param post    lead post of the case
 * @param from    planned to start on or after
 * @param to      planned to start on or before
 */
public record ActionFilter(UUID caseId, ActionKind kind, ActionType type, ActionStatus status, Theme theme,
        Framework framework, Organisation organisation, String mission, String country, Continents.Continent continent,
        String post, LocalDate from,
        LocalDate to, String text) {
}
