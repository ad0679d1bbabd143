package org.dcis.platform.reference;

import java.util.regex.Pattern;

/**
 * What a post id is, for the registry that creates it and for every service that refers to it: the ISO
 * 3166-1 alpha-2 code of the host country, a dash, then capitals, digits and dashes (starting with a capital
 * or a digit), {@value FieldLengths#POST_ID} characters at most: {@code SN-DAKAR}, {@code US-NEW-YORK-UN}.
 */
public final class PostIds {
    public static final int MAX_LENGTH = FieldLengths.POST_ID;
    /** As a bean validation {@code @Pattern} regexp (whole value). */
    public static final String PATTERN = "[A-Z]{2}-[A-Z0-9][A-Z0-9-]{1," + (MAX_LENGTH - 4) + "}";
    public static final String MESSAGE = "must look like SN-DAKAR: a country code, a dash, capitals, digits and "
            + "dashes, at most " + MAX_LENGTH + " characters";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private PostIds() {
    }

    public static boolean isValid(String id) {
        return id != null && id.length() <= MAX_LENGTH && COMPILED.matcher(id).matches();
    }
}
