package org.dcis.cooperation.shared;

/** The request clashes with stored state (409). */
public class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }
}
