package org.dcis.cooperation.partner.api;


import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.dcis.cooperation.partner.IatiExport;
import org.dcis.cooperation.partner.PartnerFilter;
import org.dcis.cooperation.partner.PartnerOrganisations;
import org.dcis.platform.security.CurrentCaller;
import org.dcis.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The IATI 2.03 export of the partner API: the cases the calling partner system may see (the same set as
 * {@code /partner/v1/cases}, with the same filters), as one {@code iati-activities} document.
 */
@Path("/partner/v1/iati-activities")
@Tag(name = "partner")
@RolesAllowed({ Roles.PARTNER_EU, Roles.PARTNER_UN })
public class IatiResource {
    public static final String MEDIA_TYPE = "application/xml";

    private final IatiExport export;
    private final PartnerFilters filters;
    private final CurrentCaller caller;

    IatiResource(IatiExport export, PartnerFilters filters, CurrentCaller caller) {
        this.export = export;
        this.filters = filters;
        this.caller = caller;
    }

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(summary = "The cases released to the caller's organisation as IATI 2.03 activities",
            description = "One iati-activity per case (identifier: the reporting organisation's IATI identifier, a"
                    + " hyphen, the case id), its actions' outcomes as results. A filter that matches nothing answers"
                    + " an empty iati-activities element.")
    @APIResponse(responseCode = "200", description = "An iati-activities document (IATI activity standard 2.03)",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response activities(@jakarta.ws.rs.BeanParam PartnerFilters.Query query) {
        var organisation = PartnerOrganisations.of(caller.get());
        PartnerFilter filter = filters.read(query);
        return Response.ok(export.of(organisation, filter), MEDIA_TYPE + "; charset=UTF-8").build();
    }
}
