package org.dcis.cooperation.missions;

/**
 * Who refers to a mission. Owned by the missions feature and implemented by the cases feature (which depends on
 * missions, never the reverse), so that a mission knows whether its organisation may still change.
 */
public interface MissionReferences {
    /** The number of cases that name this mission. */
    long casesOf(String missionCode);
}
