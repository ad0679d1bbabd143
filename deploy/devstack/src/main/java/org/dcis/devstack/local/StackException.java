package org.dcis.devstack.local;

/** The local stack cannot do what was asked; the message tells the user what to do about it. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
