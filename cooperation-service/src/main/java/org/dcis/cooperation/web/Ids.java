package org.dcis.cooperation.web;

import java.util.UUID;

import org.dcis.cooperation.shared.NotFound;

/** Resource ids in paths: something that is not a UUID names no resource (404). */
public final class Ids {
    private Ids() {
    }

    public static UUID of(String what, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound(what, id);
        }
    }
}
