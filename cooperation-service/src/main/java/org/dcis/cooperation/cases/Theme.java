package org.dcis.cooperation.cases;

/** Priority themes of internal-security cooperation. */
public enum Theme {
    DRUG_TRAFFICKING, ARMS_TRAFFICKING, CYBERCRIME, TERRORISM, ORGANISED_CRIME, IRREGULAR_IMMIGRATION, EXPERTISE_EXPORT
}
