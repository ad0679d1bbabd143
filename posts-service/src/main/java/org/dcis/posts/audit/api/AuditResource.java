package org.dcis.posts.audit.api;

import jakarta.ws.rs.Path;

import org.dcis.platform.audit.AuditTrail;
import org.dcis.platform.audit.AuditTrailResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /audit}: every write of the registry (posts, coverage, assignments, officers), who made it and
 * the state before and after, for HQ analysts only. The reading itself is the platform's.
 */
@Path("/audit")
@Tag(name = "Audit", description = "Who changed what in the registry, and when (hq-analyst)")
public class AuditResource extends AuditTrailResource {
    AuditResource(AuditTrail trail) {
        super(trail);
    }
}
