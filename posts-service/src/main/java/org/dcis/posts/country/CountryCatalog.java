package org.dcis.posts.country;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.problem.NotFound;
import org.dcis.platform.problem.Violation;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;

/**
 * Every ISO 3166-1 country, taken from ICU's CLDR data rather than typed by hand, so names and the
 * UN M49 containment follow the library's releases.
 */
@ApplicationScoped
public class CountryCatalog {
    /*
     * ICU knows a few codes that are territories in CLDR but not assigned in ISO 3166-1: exceptionally
     * reserved ones (DG Diego Garcia, EA Ceuta and Melilla, IC Canary Islands) and the user-assigned XK
     * (Kosovo). XK is left out on purpose: it has no official alpha-3, partner systems validate strict
     * ISO 3166-1; removing it from this set is the one change needed if the network decides otherwise.
     * Groupings (EU, UN, QO) and ZZ are not territories, so never listed.
     */
    private static final Set<String> NOT_ISO_ASSIGNED = Set.of("DG", "EA", "IC", "XK");

    private final Map<String, Country> byAlpha2;
    private final Map<String, Country> byAlpha3;
    private final Map<String, Continent> continents;

    public CountryCatalog() {
        LocaleDisplayNames english = LocaleDisplayNames.getInstance(ULocale.ENGLISH);
        Set<String> iso = Set.of(ULocale.getISOCountries());
        Map<String, Country> alpha2 = new TreeMap<>();
        Map<String, Country> alpha3 = new TreeMap<>();
        for (Region region : Region.getAvailable(Region.RegionType.TERRITORY)) {
            String code = region.toString();
            if (!iso.contains(code) || NOT_ISO_ASSIGNED.contains(code)) {
                continue;
            }
            ULocale locale = new ULocale("", code);
            Region continent = region.getContainingRegion(Region.RegionType.CONTINENT);
            Region subRegion = region.getContainingRegion(Region.RegionType.SUBCONTINENT);
            Country country = new Country(code, locale.getISO3Country(),
                    String.format(Locale.ROOT, "%03d", region.getNumericCode()),
                    locale.getDisplayCountry(ULocale.ENGLISH), locale.getDisplayCountry(ULocale.FRENCH),
                    continent == null ? null : new Continent(continent.toString(), english.regionDisplayName(continent.toString())),
                    subRegion == null ? null : new Continent(subRegion.toString(), english.regionDisplayName(subRegion.toString())));
            alpha2.put(code, country);
            alpha3.put(country.alpha3(), country);
        }
        Map<String, Continent> continentMap = new LinkedHashMap<>();
        for (Region continent : Region.getAvailable(Region.RegionType.CONTINENT)) {
            continentMap.put(continent.toString(), new Continent(continent.toString(),
                    english.regionDisplayName(continent.toString())));
        }
        this.byAlpha2 = Map.copyOf(alpha2);
        this.byAlpha3 = Map.copyOf(alpha3);
        this.continents = continentMap;
    }

    public List<Country> all() {
        List<Country> list = new ArrayList<>(byAlpha2.values());
        list.sort(Comparator.comparing(Country::code));
        return list;
    }

    public Collection<Continent> continents() {
        return continents.values();
    }

    /** Looks up an alpha-2 or alpha-3 code, in any case. */
    public Optional<Country> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(upper.length() == 3 ? byAlpha3.get(upper) : byAlpha2.get(upper));
    }

    public boolean isCountry(String alpha2) {
        return alpha2 != null && byAlpha2.containsKey(alpha2);
    }

    /** A country of a path ({@code /countries/{code}}), by alpha-2 or alpha-3 code, or a 404. */
    public Country get(String code) {
        return find(code).orElseThrow(() -> new NotFound("ISO 3166-1 country", code));
    }

    /** The alpha-2 code of a known country, or a 400 naming the field. */
    public String require(String code, String field) {
        return find(code).map(Country::code).orElseThrow(() -> new InvalidParameter(field,
                "unknown ISO 3166-1 country code: " + code));
    }

    /** Checks a list of codes, naming every unknown one by its index. */
    public List<String> requireAll(List<String> codes, String field) {
        List<Violation> violations = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Optional<Country> country = find(codes.get(i));
            if (country.isPresent()) {
                known.add(country.get().code());
            } else {
                violations.add(new Violation(field + "[" + i + "]", "unknown ISO 3166-1 country code: " + codes.get(i)));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidParameter(violations);
        }
        return known;
    }

    /** A continent by M49 code ("002") or English name ("Africa"), or a 400 naming the field. */
    public Continent requireContinent(String value, String field) {
        for (Continent continent : continents.values()) {
            if (continent.code().equals(value) || continent.name().equalsIgnoreCase(value)) {
                return continent;
            }
        }
        throw new InvalidParameter(field, "unknown continent: " + value
                + " (use a UN M49 code such as 002 or a name such as Africa)");
    }

    public List<String> codesIn(Continent continent) {
        return byAlpha2.values().stream()
                .filter(c -> c.continent() != null && c.continent().code().equals(continent.code()))
                .map(Country::code).sorted().toList();
    }
}
