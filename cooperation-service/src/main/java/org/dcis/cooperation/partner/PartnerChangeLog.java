package org.dcis.cooperation.partner;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
        Organisation previous = before == null ? null : PartnerChange.partnerOf(before).orElse(null);
        PartnerChange.ofCase(type, previous, after, () -> partnerCases.actionsOf(after.id()), clock.instant())
                .forEach(this::append);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void actionChanged(String type, CaseSnapshot onCase, ActionSnapshot action) {
        PartnerChange.ofAction(type, PartnerChange.partnerOf(onCase).orElse(null), action).ifPresent(this::append);
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
                append(new PartnerChange(organisation, "case.updated", c.id(), c.id(), c));
                for (PartnerAction action : actions.getOrDefault(c.id(), List.of())) {
                    append(new PartnerChange(organisation, "action.updated", c.id(), action.id(), action));
                }
                written++;
            }
        }
        return written;
    }

    private void append(PartnerChange change) {
        String payload;
        try {
            payload = json.writeValueAsString(change.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("partner view of " + change.type() + " not serialisable", e);
        }
        em.createNativeQuery("INSERT INTO partner_change (organisation, change_type, case_id, subject, payload, changed_at)"
                + " VALUES (:organisation, :type, :caseId, :subject, CAST(:payload AS jsonb), :at)")
                .setParameter("organisation", change.organisation().name()).setParameter("type", change.type())
                .setParameter("caseId", change.caseId()).setParameter("subject", change.subject())
                .setParameter("payload", payload)
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
