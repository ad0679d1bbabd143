package org.dcis.posts.assignment;

/** What an officer does at a post. */
public enum OfficerRole {
    /** Attaché de sécurité intérieure: heads the internal-security service of the embassy. */
    HEAD_OF_SERVICE,
    DEPUTY,
    LIAISON_OFFICER,
    TECHNICAL_EXPERT
}
