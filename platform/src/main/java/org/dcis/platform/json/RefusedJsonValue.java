package org.dcis.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value the suite refuses although Jackson could read it (a date as a number, a year out of range, a
 * NUL character in a string). {@link #reason()} says why in words a client understands; the problem mapper
 * answers it as a 400 naming the field, and never quotes Jackson's own message.
 */
public class RefusedJsonValue extends InvalidFormatException {
    private final String reason;

    public RefusedJsonValue(JsonParser parser, String reason, Object value, Class<?> targetType) {
        super(parser, reason, value, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
