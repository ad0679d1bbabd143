package org.dcis.cooperation.actions;

/** Measurable outcomes of an action. A seizure is counted in a unit (kg, units, EUR, ...). */
public enum Indicator {
    PERSONS_TRAINED, SEIZURE, ARRESTS, NETWORKS_DISMANTLED, PROCEDURES_OPENED, VICTIMS_IDENTIFIED,
    EQUIPMENT_DELIVERED, DOCUMENTS_PRODUCED, OTHER
}
