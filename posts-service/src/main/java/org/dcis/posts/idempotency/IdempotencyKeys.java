package org.dcis.posts.idempotency;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dcis.posts.rules.RegistryException;

/**
 * Creates retried with the same Idempotency-Key (a client that lost the answer) get the resource made the
 * first time instead of a second one. The key is stored in the creating transaction.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private final EntityManager entityManager;

    public IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return the id of the resource created now, or by an earlier request with the same key */
    @Transactional
    public String once(String operation, String key, Supplier<String> create) {
        if (key == null || key.isBlank()) {
            return create.get();
        }
        if (key.length() > 100) {
            throw RegistryException.invalid("Idempotency-Key", "Idempotency-Key is limited to 100 characters");
        }
        var earlier = entityManager.createNativeQuery(
                "SELECT resource_id FROM idempotency_key WHERE operation = ?1 AND idempotency_key = ?2")
                .setParameter(1, operation).setParameter(2, key).getResultList();
        if (!earlier.isEmpty()) {
            return (String) earlier.get(0);
        }
        String id = create.get();
        entityManager.createNativeQuery(
                "INSERT INTO idempotency_key (idempotency_key, operation, resource_id) VALUES (?1, ?2, ?3)")
                .setParameter(1, key).setParameter(2, operation).setParameter(3, id).executeUpdate();
        return id;
    }
}
