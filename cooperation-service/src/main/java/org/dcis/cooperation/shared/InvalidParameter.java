package org.dcis.cooperation.shared;

/** A query parameter the service cannot use (400). */
public class InvalidParameter extends DomainException {
    private final String parameter;

    public InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
