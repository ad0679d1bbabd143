package org.dcis.gateway.web;

/** A service the page needs did not answer (refused, timed out, or answered 502-504): the user sees the 503 page. */
public class ServiceUnavailable extends RuntimeException {
    private final Service service;

    public ServiceUnavailable(Service service, Throwable cause) {
        super(service + " did not answer", cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
