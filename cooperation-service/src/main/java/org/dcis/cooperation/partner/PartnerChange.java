package org.dcis.cooperation.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.reference.Organisation;

/**
 * One thing a partner organisation is told: the type ({@code case.*}, {@code action.*} or {@code case.withdrawn}), the
 * case and what it is about, and the partner view as data. What a change of a case or an action tells which partner
 * is decided here once, for the sync's change log (PartnerChangeLog) and the partner topics (PartnerFeeds) alike.
 */
public record PartnerChange(Organisation organisation, String type, UUID caseId, UUID subject, Object data) {

    /** The organisation a case is released to, among those that have partner systems (EU, UN), if any. */
    public static Optional<Organisation> partnerOf(CaseSnapshot c) {
        return Releasability.releasedTo(c).filter(PartnerEvents.TOPICS::containsKey);
    }

    /**
     * What a case change tells: a withdrawal to the organisation it was released to before and no longer is (at the
     * time of the change), the case's view to the organisation it is released to now, followed by the actions logged
     * so far when it has just become released there.
     *
     * @param previous     the partner organisation the case was released to before the change, or null
     * @param after        the case as the change left it (cases are never deleted)
     * @param actionsSoFar the case's actions as they stand, read only for a new release
     * @param now          the time of a withdrawal of a case that carries no update time
     */
    public static List<PartnerChange> ofCase(String type, Organisation previous, CaseSnapshot after,
            Supplier<List<PartnerAction>> actionsSoFar, Instant now) {
        Organisation released = partnerOf(after).orElse(null);
        List<PartnerChange> changes = new ArrayList<>();
        if (previous != null && previous != released) {
            UUID id = after.id();
            Instant at = after.updatedAt() == null ? now : after.updatedAt();
            changes.add(new PartnerChange(previous, PartnerEvents.WITHDRAWN, id, id,
                    new Withdrawal(id, at, Releasability.withdrawal(previous, after))));
        }
        if (released != null) {
            changes.add(new PartnerChange(released, type, after.id(), after.id(), PartnerCase.of(after)));
            if (previous != released) {
                for (PartnerAction action : actionsSoFar.get()) {
                    changes.add(new PartnerChange(released, "action.updated", after.id(), action.id(), action));
                }
            }
        }
        return changes;
    }

    /** What an action change tells: its view to the organisation its case is released to, if any. */
    public static Optional<PartnerChange> ofAction(String type, Organisation releasedTo, ActionSnapshot action) {
        return Optional.ofNullable(releasedTo).map(organisation -> new PartnerChange(organisation, type,
                action.caseId(), action.id(), PartnerAction.of(action)));
    }
}
