package org.dcis.cooperation.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.cooperation.dashboard.DashboardQueries.Dimension;
import org.dcis.cooperation.dashboard.DashboardRows.CountRow;
import org.dcis.cooperation.dashboard.DashboardRows.MissionRow;
import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.missions.MissionReport;
import org.dcis.cooperation.missions.MissionReports;
import org.dcis.cooperation.missions.Missions;

import io.quarkus.panache.common.Sort;

/**
 * The missions as headquarters follows them: each mission of the reference list with its activity in the period and
 * what its organisation's system last reported (mandate extended, suspended, ended). A report changes no figure.
 */
@ApplicationScoped
public class MissionStatus {
    private final Missions missions;
    private final MissionReports reports;
    private final DashboardQueries queries;

    MissionStatus(Missions missions, MissionReports reports, DashboardQueries queries) {
        this.missions = missions;
        this.reports = reports;
        this.queries = queries;
    }

    public List<MissionRow> rows(DashboardFilter filter) {
        Map<String, CountRow> counts = queries.counts(Dimension.MISSION, filter).stream()
                .collect(Collectors.toMap(CountRow::key, Function.identity(), (a, b) -> a));
        Map<String, MissionReport.View> latest = reports.latest();
        Map<String, Long> reported = reports.counts();
        List<MissionRow> rows = new ArrayList<>();
        for (Mission m : missions.listAll(Sort.by("code"))) {
            if ((filter.organisation() != null && m.organisation() != filter.organisation())
                    || (filter.mission() != null && !m.code().equals(filter.mission()))) {
                continue;
            }
            CountRow count = counts.get(m.code());
            MissionReport.View last = latest.get(m.code());
            rows.add(new MissionRow(m.code(), m.name(), m.organisation().name(), m.startsOn(), m.endsOn(),
                    count == null || count.cases() == null ? 0 : count.cases(), count == null ? 0 : count.actions(),
                    reported.getOrDefault(m.code(), 0L), last == null ? null : last.kind().name(),
                    last == null ? null : last.effectiveOn(), last == null ? null : last.reportedAt(),
                    last == null ? null : last.note()));
        }
        return rows;
    }
}
