package org.dcis.cooperation.reference;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.dcis.platform.problem.InvalidParameter;

/** ISO 3166-1 alpha-2 codes as the JDK knows them. */
public final class IsoCountries {
    // XK (Kosovo) is user-assigned in ISO 3166-1 but used by the EU, the UN and EULEX: missions need it.
    private static final Set<String> CODES;

    static {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        CODES = Set.copyOf(codes);
    }

    private IsoCountries() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /** A country filter of a list: null when absent, a 400 naming the parameter when unknown. */
    public static String parameter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        if (!isKnown(code)) {
            throw new InvalidParameter(name, "unknown ISO 3166-1 alpha-2 country code: "
                    + (code.length() <= 40 ? code : code.substring(0, 40) + "…"));
        }
        return code;
    }
}
