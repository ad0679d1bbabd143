package org.dcis.cooperation.shared;

/** Unknown resource, or one the caller may not even know exists (404). */
public class NotFound extends DomainException {
    public NotFound(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
