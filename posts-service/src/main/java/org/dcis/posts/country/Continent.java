package org.dcis.posts.country;

/** A UN M49 continent or sub-region: numeric code and English name. */
public record Continent(String code, String name) {
}
