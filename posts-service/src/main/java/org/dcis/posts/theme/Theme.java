package org.dcis.posts.theme;

/**
 * The cooperation themes of the suite, used here as officers' specialities (and to find the posts where an
 * officer of a theme serves). A leaf of its own: both posts and assignments speak of themes.
 */
public enum Theme {
    DRUG_TRAFFICKING, ARMS_TRAFFICKING, CYBERCRIME, TERRORISM, ORGANISED_CRIME, IRREGULAR_IMMIGRATION, EXPERTISE_EXPORT
}
