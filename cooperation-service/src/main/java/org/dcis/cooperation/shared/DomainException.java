package org.dcis.cooperation.shared;

/** A refusal the caller can understand and act upon; the web layer turns each kind into a problem. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }
}
