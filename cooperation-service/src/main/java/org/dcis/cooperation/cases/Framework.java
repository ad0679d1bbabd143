package org.dcis.cooperation.cases;

/** Bilateral (one partner country) or multilateral (an organisation, optionally one of its missions). */
public enum Framework {
    BILATERAL, MULTILATERAL
}
