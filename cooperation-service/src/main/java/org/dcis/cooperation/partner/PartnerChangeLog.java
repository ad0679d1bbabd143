package org.dcis.cooperation.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.actions.ActionChanges;
import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.cases.CaseChanges;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.reference.Organisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes what each partner organisation may see of a change, or must forget, into {@code partner_change}, in the
 * transaction of the write (so the log holds a change exactly when it committed). A case that becomes released
 * brings its actions logged so far with it, so a partner that syncs misses nothing of it.
 */
@ApplicationScoped
public class PartnerChangeLog implements CaseChanges, ActionChanges {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final PartnerCases partnerCases;

    PartnerChangeLog(EntityManager em, ObjectMapper json, Clock clock, PartnerCases partnerCases) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.partnerCases = partnerCases;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void caseChanged(String type, CaseSnapshot before, CaseSnapshot after) {
        Set<Organisation> concerned = new LinkedHashSet<>();
        Releasability.releasedTo(before).ifPresent(concerned::add);
        Releasability.releasedTo(after).ifPresent(concerned::add);
        for (Organisation organisation : concerned) {
            if (Releasability.isReleasable(after, organisation)) {
                append(organisation, type, after.id(), after.id(), PartnerCase.of(after));
                if (!Releasability.isReleasable(before, organisation) && before != null) {
                    for (PartnerAction action : partnerCases.actionsOf(after.id())) {
                        append(organisation, "action.updated", after.id(), action.id(), action);
                    }
                }
            } else {
                WithdrawalReason reason = Releasability.withdrawal(before, after, organisation);
                UUID id = before.id();
                // the time of the change that ended the release, as on the partner topics (PartnerFeeds)
                Instant at = after == null ? clock.instant() : after.updatedAt();
                append(organisation, PartnerEvents.WITHDRAWN, id, id, new Withdrawal(id, at, reason));
            }
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void actionChanged(String type, CaseSnapshot onCase, ActionSnapshot action) {
        Releasability.releasedTo(onCase).ifPresent(organisation -> append(organisation, type, onCase.id(), action.id(),
                PartnerAction.of(action)));
    }

    /**
     * Writes the current state of every released case, with its actions, when the log is empty while released cases
     * exist: a database from before the log (V8) starts its partners' sync with what they may see today.
     *
     * @return how many cases were written
     */
    @Transactional
    public int backfillIfEmpty() {
        // one instance at a time, and never twice: the check and the writes are under one transaction-scoped lock
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('partner_change backfill'))").getSingleResult();
        Number logged = (Number) em.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM partner_change LIMIT 1) c")
                .getSingleResult();
        if (logged.longValue() > 0) {
            return 0;
        }
        int written = 0;
        for (Organisation organisation : PartnerEvents.TOPICS.keySet()) {
            List<PartnerCase> released = partnerCases.all(organisation, PartnerFilter.NONE);
            Map<UUID, List<PartnerAction>> actions = partnerCases.actionsOf(released.stream().map(PartnerCase::id).toList());
            for (PartnerCase c : released) {
                append(organisation, "case.updated", c.id(), c.id(), c);
                for (PartnerAction action : actions.getOrDefault(c.id(), List.of())) {
                    append(organisation, "action.updated", c.id(), action.id(), action);
                }
                written++;
            }
        }
        return written;
    }

    private void append(Organisation organisation, String type, UUID caseId, UUID subject, Object data) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("partner view of " + type + " not serialisable", e);
        }
        em.createNativeQuery("INSERT INTO partner_change (organisation, change_type, case_id, subject, payload, changed_at)"
                + " VALUES (:organisation, :type, :caseId, :subject, CAST(:payload AS jsonb), :at)")
                .setParameter("organisation", organisation.name()).setParameter("type", type)
                .setParameter("caseId", caseId).setParameter("subject", subject).setParameter("payload", payload)
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
