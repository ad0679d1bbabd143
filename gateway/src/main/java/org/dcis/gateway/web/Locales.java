package org.dcis.gateway.web;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * The page language: the one the user chose (cookie {@value #COOKIE}, set by the switch in the header), else the
 * best of French and English in the browser's Accept-Language, else English.
 */
public final class Locales {
    public static final String COOKIE = "dcis-lang";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private Locales() {
    }

    public static Locale of(HttpHeaders headers) {
        var chosen = headers.getCookies().get(COOKIE);
        if (chosen != null) {
            var locale = supported(chosen.getValue());
            if (locale != null) {
                return locale;
            }
        }
        for (Locale wanted : headers.getAcceptableLanguages()) {
            var locale = supported(wanted.getLanguage());
            if (locale != null) {
                return locale;
            }
        }
        return Locale.ENGLISH;
    }

    /** One of the supported languages by its code, or null for anything else (never echoed). */
    public static Locale supported(String code) {
        if (code == null) {
            return null;
        }
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equalsIgnoreCase(code.strip())).findFirst()
                .orElse(null);
    }
}
