package org.dcis.cooperation.api;

import java.util.UUID;

import org.dcis.platform.problem.NotFound;

/**
 * Resource ids in paths: something that is not a UUID names no resource (404), unlike a UUID query
 * parameter, which is a filter the client got wrong (400, the platform's {@code Params.uuid}).
 */
public final class Ids {
    private Ids() {
    }

    public static UUID of(String what, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound(what, id.length() <= 40 ? id : id.substring(0, 40) + "…");
        }
    }
}
