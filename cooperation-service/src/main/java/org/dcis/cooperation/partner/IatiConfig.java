package org.dcis.cooperation.partner;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The IATI 2.03 export, under {@code dcis.partner.iati}: who reports (the prefix of every {@code iati-identifier})
 * and how the partner organisations are identified. The defaults are real identifiers of the OECD DAC list
 * ({@code XM-DAC-4} France, {@code XM-DAC-918} EU institutions); a publisher registered with IATI under an
 * identifier of its own sets {@code reporting-org.ref} to it (env {@code DCIS_PARTNER_IATI_REPORTING_ORG_REF}).
 */
@ConfigMapping(prefix = "dcis.partner.iati")
public interface IatiConfig {
    ReportingOrg reportingOrg();

    /**
     * IATI organisation identifier of the EU as a participating organisation (env
     * {@code DCIS_PARTNER_IATI_EU_REF}).
     */
    @WithDefault("XM-DAC-918")
    Optional<String> euRef();

    /**
     * IATI organisation identifier of the UN as a participating organisation; none by default: the UN publishes
     * agency by agency (UNODC, UNDP...), it has no one identifier, so the export names it in a narrative only.
     */
    Optional<String> unRef();

    interface ReportingOrg {
        /** The reporting organisation's IATI identifier, and the prefix of every activity identifier. */
        @WithDefault("XM-DAC-4")
        String ref();

        /** Its type, from the OrganisationType code list (10: Government). */
        @WithDefault("10")
        String type();

        /** Its name, in French (the export's default language). */
        @WithDefault("Ministère de l'Intérieur – Direction de la coopération internationale de sécurité (DCIS)")
        String name();
    }
}
