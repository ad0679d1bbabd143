package org.dcis.cooperation.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.dcis.platform.problem.InvalidParameter;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;

/**
 * The five continents of the UN M49 containment (002 Africa, 019 Americas, 142 Asia, 150 Europe, 009 Oceania) and
 * the countries in each, from ICU's CLDR data, as posts-service's CountryCatalog reads them. XK (Kosovo), which ICU
 * places in no continent, is in Europe here: missions name it (EULEX Kosovo).
 */
public final class Continents {
    /** A UN M49 continent: numeric code and English name. */
    public record Continent(String code, String name) {
    }

    private static final Map<String, Continent> BY_CODE;
    private static final Map<String, Continent> OF_COUNTRY;
    private static final Map<String, String> COUNTRY_NAMES;

    static {
        LocaleDisplayNames english = LocaleDisplayNames.getInstance(ULocale.ENGLISH);
        Map<String, Continent> continents = new LinkedHashMap<>();
        for (Region region : Region.getAvailable(Region.RegionType.CONTINENT)) {
            continents.put(region.toString(), new Continent(region.toString(), english.regionDisplayName(region.toString())));
        }
        Map<String, Continent> ofCountry = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        Set<String> iso = Set.of(ULocale.getISOCountries());
        for (Region region : Region.getAvailable(Region.RegionType.TERRITORY)) {
            String code = region.toString();
            if (!iso.contains(code) && !"XK".equals(code)) {
                continue;
            }
            Region continent = region.getContainingRegion(Region.RegionType.CONTINENT);
            if (continent == null && "XK".equals(code)) {
                continent = Region.getInstance("150");
            }
            if (continent != null) {
                ofCountry.put(code, continents.get(continent.toString()));
            }
            names.put(code, english.regionDisplayName(code));
        }
        if (!ofCountry.containsKey("XK")) {
            ofCountry.put("XK", continents.get("150"));
            names.put("XK", "Kosovo");
        }
        BY_CODE = Map.copyOf(continents);
        OF_COUNTRY = Map.copyOf(ofCountry);
        COUNTRY_NAMES = Map.copyOf(names);
    }

    private Continents() {
    }

    /** The continents, in the order of their M49 codes. */
    public static List<Continent> all() {
        return BY_CODE.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    public static Optional<Continent> of(String country) {
        return Optional.ofNullable(country == null ? null : OF_COUNTRY.get(country));
    }

    public static String countryName(String country) {
        return COUNTRY_NAMES.get(country);
    }

    /** The alpha-2 codes of the countries of a continent, sorted. */
    public static List<String> countriesOf(Continent continent) {
        List<String> codes = new ArrayList<>();
        OF_COUNTRY.forEach((code, c) -> {
            if (c.equals(continent)) {
                codes.add(code);
            }
        });
        return codes;
    }

    /** A continent filter: M49 code ("002") or English name ("Africa"); null when absent, else a 400 naming it. */
    public static Continent parameter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.strip();
        for (Continent continent : BY_CODE.values()) {
            if (continent.code().equals(wanted) || continent.name().equalsIgnoreCase(wanted)) {
                return continent;
            }
        }
        throw new InvalidParameter(name, "unknown continent: " + (wanted.length() <= 40 ? wanted : wanted.substring(0, 40) + "…")
                + " (a UN M49 code such as 002 or a name such as Africa)");
    }
}
