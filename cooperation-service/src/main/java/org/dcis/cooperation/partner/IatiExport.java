package org.dcis.cooperation.partner;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.missions.Missions;
import org.dcis.cooperation.reference.Organisation;

/**
 * The IATI export of what a partner organisation may see: the same cases as the partner API
 * ({@link PartnerCases#all}), their actions and their missions' names, written by {@link IatiActivities}.
 */
@ApplicationScoped
public class IatiExport {
    private final PartnerCases cases;
    private final Missions missions;
    private final IatiActivities activities;

    IatiExport(PartnerCases cases, Missions missions, IatiActivities activities) {
        this.cases = cases;
        this.missions = missions;
        this.activities = activities;
    }

    /**
     * The document, whole: it is built before the answer starts, so a failure is a problem, never half a file
     * (a few thousand cases at most make a few megabytes).
     */
    @Transactional
    public byte[] of(Organisation organisation, PartnerFilter filter) {
        List<PartnerCase> released = cases.all(organisation, filter);
        Map<UUID, List<PartnerAction>> actions = cases.actionsOf(released.stream().map(PartnerCase::id).toList());
        List<String> codes = released.stream().map(PartnerCase::mission).filter(Objects::nonNull).distinct().toList();
        Map<String, Mission> named = codes.isEmpty() ? Map.of()
                : missions.list("code in ?1", codes).stream()
                        .collect(Collectors.toMap(Mission::code, Function.identity()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        activities.write(released, actions, named, out);
        return out.toByteArray();
    }
}
