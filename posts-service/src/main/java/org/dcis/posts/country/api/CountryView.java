package org.dcis.posts.country.api;

import org.dcis.posts.country.Continent;
import org.dcis.posts.country.Country;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A country with the post covering it today (null when none). */
@Schema(name = "Country")
public record CountryView(
        @Schema(examples = "SN") String code,
        @Schema(examples = "SEN") String alpha3,
        @Schema(examples = "686") String numeric,
        @Schema(examples = "Senegal") String nameEn,
        @Schema(examples = "Sénégal") String nameFr,
        Continent continent,
        Continent region,
        @Schema(examples = "SN-DAKAR") String coveredBy) {

    public static CountryView of(Country country, String coveredBy) {
        return new CountryView(country.code(), country.alpha3(), country.numeric(), country.nameEn(), country.nameFr(),
                country.continent(), country.region(), coveredBy);
    }
}
