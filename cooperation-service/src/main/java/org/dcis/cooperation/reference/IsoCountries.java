package org.dcis.cooperation.shared;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

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
}
