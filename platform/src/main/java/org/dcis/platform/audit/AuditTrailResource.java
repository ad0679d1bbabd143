package org.dcis.platform.audit;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.reference.FieldLengths;
import org.dcis.platform.security.Roles;
import org.dcis.platform.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The reading of the audit trail, for HQ analysts. Not an endpoint by itself (the platform has none): a
 * service publishes it with a subclass annotated {@code @Path("/audit")} whose constructor passes the trail.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class AuditTrailResource {
    private final AuditTrail trail;

    protected AuditTrailResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.HQ_ANALYST)
    @Operation(summary = "Audit records of every write, filtered by subject, post, target and time; paged and sorted "
            + "(default newest first)")
    public PageOf<AuditView> list(@QueryParam("subject") String subject, @QueryParam("post") String post,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        AuditTrail.AuditQuery query = new AuditTrail.AuditQuery(Params.text("subject", subject, FieldLengths.SUBJECT),
                Params.text("post", post, FieldLengths.POST_ID), Params.text("targetType", targetType, 30),
                Params.text("targetId", targetId, 100), Params.instant("from", from), Params.instant("to", to));
        return trail.search(query, PageQuery.parse(page, size, sort, AuditTrail.SORTABLE, "id,desc")).map(AuditView::of);
    }

    public record AuditView(long id, String subject, String username, String postId, Instant at, String operation,
            String targetType, String targetId, String change) {
        static AuditView of(AuditRecord record) {
            return new AuditView(record.id(), record.subject(), record.username(), record.postId(), record.at(),
                    record.operation(), record.targetType(), record.targetId(), record.change());
        }
    }
}
