package org.dcis.posts.assignment;

public enum Force {
    POLICE_NATIONALE, GENDARMERIE_NATIONALE
}
