package org.dcis.cooperation.cases;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.cooperation.missions.MissionReferences;

/** The cases' answer to what a mission asks: how many cases name it. */
@ApplicationScoped
public class CaseMissions implements MissionReferences {
    private final Cases cases;

    CaseMissions(Cases cases) {
        this.cases = cases;
    }

    @Override
    public long casesOf(String missionCode) {
        return cases.count("mission", missionCode);
    }
}
