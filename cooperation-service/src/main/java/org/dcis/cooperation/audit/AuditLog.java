package org.dcis.cooperation.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.shared.AccessDenied;
import org.dcis.cooperation.shared.Caller;
import org.dcis.cooperation.shared.PageOf;
import org.dcis.cooperation.shared.PageQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Writes the audit trail inside the transaction of the change it records, and lets HQ read it. */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditRecord> {
    public static final Set<String> SORTABLE = Set.of("at", "id", "subject", "operation");

    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

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

    public PageOf<AuditRecord> search(Caller caller, String subject, String postId, String targetType, String targetId,
            Instant from, Instant to, PageQuery page) {
        if (!caller.isAnalyst()) {
            throw new AccessDenied("only HQ analysts read the audit trail");
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "subject", subject);
        add(where, params, "postId", postId);
        add(where, params, "targetType", targetType);
        add(where, params, "targetId", targetId);
        if (from != null) {
            where.add("at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("at < :to");
            params.put("to", to);
        }
        Sort sort = Sort.by(page.sortField(), page.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending).and("id");
        var query = where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
        query.page(Page.of(page.page(), page.size()));
        return new PageOf<>(query.list(), page.page(), page.size(), query.count());
    }

    private static void add(List<String> where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}
