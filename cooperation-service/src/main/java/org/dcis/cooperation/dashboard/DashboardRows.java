package org.dcis.cooperation.dashboard;

import java.time.LocalDate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The rows of the dashboard's tables: flat records, so each table is also a CSV file. */
public final class DashboardRows {
    private DashboardRows() {
    }

    /**
     * Counts for one value of a dimension. {@code cases}: cases opened in the period (null for kind and type, which
     * describe actions); {@code actions}: actions of the period, not cancelled; {@code cancelledActions}: cancelled ones.
     */
    public record CountRow(String key, String name, Long cases, long actions, long cancelledActions) {
    }

    /** An indicator total for one theme or month: the sum of the outcomes' quantities, per unit. */
    public record IndicatorRow(String key, String indicator, String unit, BigDecimal quantity, long outcomes) {
    }

    /** An indicator total over the period. */
    public record IndicatorTotal(String indicator, String unit, BigDecimal quantity, long outcomes) {
    }

    public record PostActivity(int rank, String post, String city, String hostCountry, long actions, long cases) {
    }

    public record InactivePost(String post, String city, String hostCountry, String status) {
    }

    /** "France's return": actions and cases of one line of the priority axes on one continent. */
    public record ReturnRow(String axis, String label, boolean priority, String continent, String continentName,
            long actions, long cases) {
    }

    public record ContinentCoverage(String continent, String name, long countriesCovered, long countries, long posts,
            long officers) {
    }

    /**
     * One mission of the reference list: its cases and actions in the period (as {@code counts/mission}) and the latest
     * report its organisation's system made on it (null fields when none).
     */
    public record MissionRow(String mission, String name, String organisation, LocalDate startsOn, LocalDate endsOn,
            long cases, long actions, long reports, String lastReport, LocalDate lastReportEffectiveOn,
            java.time.Instant lastReportAt, String lastReportNote) {
    }

    public record OfficerCount(String dimension, String key, long officers) {
    }

    /** Headline figures of the period. */
    public record Summary(long cases, long actions, long cancelledActions, long frenchExperts,
            long partnerOfficersTrained, long postsWithActions, long postsWithoutActions,
            List<IndicatorTotal> indicators) {
    }

    /** The network today (coverage does not depend on the period). */
    public record Coverage(long posts, Map<String, Long> postsByStatus, long officers, Map<String, Long> officersByForce,
            Map<String, Long> officersByRole, long countriesCovered, long continentsCovered,
            List<ContinentCoverage> continents) {
    }
}
