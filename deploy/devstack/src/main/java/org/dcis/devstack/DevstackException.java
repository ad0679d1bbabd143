package org.dcis.devstack;

/** A server of the devstack could not be prepared, started or reached; the message says which and why. */
public class DevstackException extends RuntimeException {
    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
