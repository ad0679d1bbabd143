package org.dcis.gateway.web;

/**
 * A service refused what a page asked for itself (not a form the user filled in): 401, 403 or 404, shown as the
 * matching page rather than as a broken one.
 */
public class PageRefused extends RuntimeException {
    private final int status;

    public PageRefused(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
