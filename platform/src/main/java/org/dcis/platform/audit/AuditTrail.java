package org.dcis.platform.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dcis.platform.paging.Filter;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * The audit trail: every write, recorded inside the transaction of the change it records (so there is a
 * record exactly when the change committed), with who, their post, when, and the state before and after.
 */
@ApplicationScoped
public class AuditTrail implements PanacheRepository<AuditRecord> {
    public static final Set<String> SORTABLE = Set.of("at", "id", "subject", "operation");

    private final ObjectMapper json;
    private final java.time.Clock clock;

    AuditTrail(ObjectMapper json, java.time.Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param before the state before the change, or null for a creation
     * @param after  the state after it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String operation, String targetType, String targetId, Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        if (before != null) {
            change.put("before", before);
        }
        change.put("after", after);
        String text;
        try {
            text = json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit change of " + operation + " not serialisable", e);
        }
        persist(new AuditRecord(caller.subject(), caller.username(), caller.postId(), clock.instant(), operation,
                targetType, targetId, text));
    }

    public PageOf<AuditRecord> search(AuditQuery query, PageQuery page) {
        return Filter.where()
                .eq("subject", query.subject())
                .eq("postId", query.postId())
                .eq("targetType", query.targetType())
                .eq("targetId", query.targetId())
                .when(query.from(), "at >= :from", "from", query.from())
                .when(query.to(), "at < :to", "to", query.to())
                .page(this, page, page.sort("id"));
    }

    /** What a reader of the trail may filter on; absent filters are null. */
    public record AuditQuery(String subject, String postId, String targetType, String targetId, Instant from,
            Instant to) {
    }
}
