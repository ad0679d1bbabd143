package org.dcis.cooperation.actions;

/** Operational (joint work on crime), technical (training, equipment, expertise) or institutional. */
public enum ActionKind {
    OPERATIONAL, TECHNICAL, INSTITUTIONAL
}
