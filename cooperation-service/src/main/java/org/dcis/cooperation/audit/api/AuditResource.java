package org.dcis.cooperation.audit.api;

import jakarta.ws.rs.Path;

import org.dcis.platform.audit.AuditTrail;
import org.dcis.platform.audit.AuditTrailResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's audit trail of every write of this service, for HQ analysts, at {@code GET /audit}. */
@Path("/audit")
@Tag(name = "audit")
public class AuditResource extends AuditTrailResource {
    AuditResource(AuditTrail trail) {
        super(trail);
    }
}
