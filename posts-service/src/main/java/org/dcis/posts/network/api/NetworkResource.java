package org.dcis.posts.network.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.dcis.platform.security.Roles;
import org.dcis.posts.network.NetworkSummaries;
import org.dcis.posts.network.NetworkSummary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/network")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Network")
@RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN, Roles.PARTNER_EU, Roles.PARTNER_UN })
public class NetworkResource {
    private final NetworkSummaries summaries;

    public NetworkResource(NetworkSummaries summaries) {
        this.summaries = summaries;
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Counts of posts, officers by force and role, and countries covered by continent")
    public NetworkSummary summary() {
        return summaries.summary();
    }
}
