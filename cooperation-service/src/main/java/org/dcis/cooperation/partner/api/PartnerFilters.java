package org.dcis.cooperation.partner.api;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.QueryParam;

import org.dcis.cooperation.cases.CaseStatus;
import org.dcis.cooperation.cases.Theme;
import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.missions.Missions;
import org.dcis.cooperation.partner.PartnerFilter;
import org.dcis.cooperation.reference.IsoCountries;
import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.web.Params;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of the partner case list and of the IATI export, read the same way for both: a bad value is a 400
 * naming its parameter, never a query.
 */
@ApplicationScoped
public class PartnerFilters {
    static final int MAX_MISSION_CODE = 40;

    private final Missions missions;

    PartnerFilters(Missions missions) {
        this.missions = missions;
    }

    /** The query parameters, as text. */
    public static class Query {
        @QueryParam("mission")
        @Parameter(description = "mission code, e.g. EUCAP-SAHEL-MALI")
        public String mission;
        @QueryParam("country")
        @Parameter(description = "ISO 3166-1 alpha-2, one of the case's countries")
        public String country;
        @QueryParam("theme")
        public String theme;
        @QueryParam("status")
        @Parameter(description = "OPEN or CLOSED")
        public String status;
        @QueryParam("from")
        @Parameter(description = "opened on or after, e.g. 2025-01-01")
        public String from;
        @QueryParam("to")
        @Parameter(description = "opened on or before, e.g. 2025-12-31")
        public String to;
    }

    public PartnerFilter read(Query q) {
        LocalDate fromDate = Params.date("from", q.from);
        LocalDate toDate = Params.date("to", q.to);
        Params.range("from", fromDate, "to", toDate);
        String code = Params.text("mission", q.mission, MAX_MISSION_CODE);
        if (code != null) {
            code = code.strip();
            // A mission of another organisation is a known mission: its filter just matches no case.
            if (!Mission.isCode(code) || missions.findById(code) == null) {
                throw new InvalidParameter("mission", "unknown mission " + code);
            }
        }
        return new PartnerFilter(code, IsoCountries.parameter("country", q.country),
                Params.enumOf(Theme.class, "theme", q.theme), Params.enumOf(CaseStatus.class, "status", q.status),
                fromDate, toDate);
    }
}
