package org.dcis.cooperation.audit.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.dcis.cooperation.audit.AuditLog;
import org.dcis.cooperation.audit.AuditRecord;
import org.dcis.cooperation.shared.Caller;
import org.dcis.cooperation.shared.InvalidParameter;
import org.dcis.cooperation.shared.PageOf;
import org.dcis.cooperation.shared.PageQuery;
import org.dcis.cooperation.web.CurrentCaller;
import org.dcis.cooperation.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of every write, for HQ analysts. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {
    private final AuditLog audit;
    private final CurrentCaller caller;

    AuditResource(AuditLog audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Caller.HQ_ANALYST)
    @Operation(summary = "Audit records, filtered by subject, post, target and time; paged and sorted (default newest first)")
    public PageOf<AuditView> list(@QueryParam("subject") String subject, @QueryParam("post") String post,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return audit.search(caller.get(), Params.text("subject", subject, 200), Params.text("post", post, 40),
                Params.text("targetType", targetType, 30), Params.text("targetId", targetId, 100), instant("from", from),
                instant("to", to), PageQuery.of(page, size, sort, AuditLog.SORTABLE, "id,desc")).map(AuditView::of);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "must be an instant like 2025-01-31T10:00:00Z");
        }
    }

    public record AuditView(long id, String subject, String username, String postId, Instant at, String operation,
            String targetType, String targetId, String change) {
        static AuditView of(AuditRecord record) {
            return new AuditView(record.id(), record.subject(), record.username(), record.postId(), record.at(),
                    record.operation(), record.targetType(), record.targetId(), record.change());
        }
    }
}
