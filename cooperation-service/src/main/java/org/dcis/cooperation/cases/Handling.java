package org.dcis.cooperation.cases;

/** Who may see a case: INTERNAL (every officer and HQ) or RESTRICTED (lead post and HQ only). */
public enum Handling {
    INTERNAL, RESTRICTED
}
