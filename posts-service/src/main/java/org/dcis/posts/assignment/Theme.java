package org.dcis.posts.assignment;

/** Cooperation themes, used here as officers' specialities. */
public enum Theme {
    DRUG_TRAFFICKING, ARMS_TRAFFICKING, CYBERCRIME, TERRORISM, ORGANISED_CRIME, IRREGULAR_IMMIGRATION, EXPERTISE_EXPORT
}
