package org.dcis.cooperation.shared;

/** The caller is known but may not do this (403). */
public class AccessDenied extends DomainException {
    public AccessDenied(String message) {
        super(message);
    }
}
