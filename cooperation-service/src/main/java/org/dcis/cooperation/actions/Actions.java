package org.dcis.cooperation.actions;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class Actions implements PanacheRepositoryBase<CooperationAction, UUID> {
    /** The case of an action, read without loading the action (so that a later locked read loads it fresh). */
    Optional<UUID> caseOf(UUID id) {
        return getEntityManager().createQuery("select a.caseId from CooperationAction a where a.id = :id", UUID.class)
                .setParameter("id", id).getResultStream().findFirst();
    }
}
