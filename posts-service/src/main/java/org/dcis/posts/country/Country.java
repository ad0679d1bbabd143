package org.dcis.posts.country;

/** An ISO 3166-1 country with its place in the UN M49 containment (continent and sub-region). */
public record Country(String code, String alpha3, String numeric, String nameEn, String nameFr,
        Continent continent, Continent region) {
}
