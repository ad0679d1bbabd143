package org.dcis.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.web.Created;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} of creates, per caller (token subject) and tied to the request. The key is
 * claimed with an insert in the create's own transaction: a concurrent retry blocks on the unique
 * constraint until the first commits, then finds its result; a failed create rolls the claim back with
 * everything else. The same key with another request (another body or operation) is a 422.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final int MAX_LENGTH = 200;
    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;
    private final ObjectMapper json;

    IdempotencyKeys(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * A create under an optional {@code Idempotency-Key}, the one way every create of the suite runs: without
     * a key it simply creates; with one it claims the key first (in the caller's transaction), answers what
     * an earlier identical request created (replayed), or creates and records what it created.
     *
     * @param replay   reads what an earlier request created, from the id recorded with the key
     * @param create   the create itself, in the same transaction
     * @param idOf     the id of what {@code create} made, recorded with the key
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Created<T> create(String subject, String key, String operation, Object request,
            Function<String, T> replay, Supplier<T> create, Function<T, String> idOf) {
        if (key == null) {
            return new Created<>(create.get(), false);
        }
        Optional<String> earlier = claim(subject, key, operation, request);
        if (earlier.isPresent()) {
            return new Created<>(replay.apply(earlier.get()), true);
        }
        T created = create.get();
        complete(subject, key, idOf.apply(created));
        return new Created<>(created, false);
    }

    /**
     * Claims the key for this request; returns the id of the resource an earlier, identical request created.
     *
     * @param subject   the caller's token subject: keys of different callers never meet
     * @param operation what the request does, e.g. {@code post.open}
     * @param request   the request body as the client sent it (hashed, never stored)
     */
    private Optional<String> claim(String subject, String key, String operation, Object request) {
        if (key.isBlank() || key.length() > MAX_LENGTH || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new InvalidParameter(HEADER, "must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
        String hash = hash(request);
        int inserted = em.createNativeQuery("INSERT INTO idempotency_key (subject, idem_key, operation, request_hash)"
                + " VALUES (:subject, :key, :operation, :hash) ON CONFLICT (subject, idem_key) DO NOTHING")
                .setParameter("subject", subject).setParameter("key", key)
                .setParameter("operation", operation).setParameter("hash", hash)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT operation, request_hash, resource_id FROM idempotency_key"
                + " WHERE subject = :subject AND idem_key = :key")
                .setParameter("subject", subject).setParameter("key", key).getResultList();
        Object[] row = rows.get(0);
        if (!operation.equals(row[0]) || !hash.equals(row[1])) {
            throw new RuleViolation(HEADER, "this key was already used for a different request");
        }
        return Optional.of((String) row[2]);
    }

    /** Records what the claimed key created, in the same transaction. */
    private void complete(String subject, String key, String resourceId) {
        em.createNativeQuery("UPDATE idempotency_key SET resource_id = :id WHERE subject = :subject AND idem_key = :key")
                .setParameter("id", resourceId).setParameter("subject", subject).setParameter("key", key)
                .executeUpdate();
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request not hashable", e);
        }
    }
}
