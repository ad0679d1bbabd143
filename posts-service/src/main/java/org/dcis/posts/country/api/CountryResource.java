package org.dcis.posts.country.api;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.security.Roles;
import org.dcis.platform.time.SuiteCalendar;
import org.dcis.platform.web.Params;
import org.dcis.posts.country.Continent;
import org.dcis.posts.country.Country;
import org.dcis.posts.country.CountryCatalog;
import org.dcis.posts.country.CoverageDirectory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/** The country catalogue. Who covers a country on a given day is answered by the post feature (CountryCoverageResource). */
@Path("/countries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Countries", description = "ISO 3166-1 countries (from ICU) and who covers them")
@RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN, Roles.PARTNER_EU, Roles.PARTNER_UN })
public class CountryResource {
    private static final Set<String> SORTABLE = Set.of("code", "alpha3", "nameEn", "nameFr", "continent");
    private static final Map<String, Comparator<CountryView>> ORDER = Map.of(
            "code", Comparator.comparing(CountryView::code),
            "alpha3", Comparator.comparing(CountryView::alpha3),
            // names sort as readers expect (É with E), not by code point
            "nameEn", Comparator.comparing(CountryView::nameEn, collator(ULocale.ENGLISH)),
            "nameFr", Comparator.comparing(CountryView::nameFr, collator(ULocale.FRENCH)),
            "continent", Comparator.comparing((CountryView c) -> c.continent() == null ? "" : c.continent().name()));

    private final CountryCatalog catalog;
    private final CoverageDirectory coverage;
    private final SuiteCalendar calendar;

    public CountryResource(CountryCatalog catalog, CoverageDirectory coverage, SuiteCalendar calendar) {
        this.catalog = catalog;
        this.coverage = coverage;
        this.calendar = calendar;
    }

    @GET
    @Operation(summary = "List countries", description = "Filters: continent and region (UN M49 code or English name),"
            + " covered (true/false), text (code or English/French name). Sort by code, alpha3, nameEn, nameFr, continent.")
    public PageOf<CountryView> list(@QueryParam("continent") @Parameter(example = "Africa") String continent,
            @QueryParam("region") @Parameter(example = "011") String region,
            @QueryParam("covered") @Parameter(example = "true") String covered,
            @QueryParam("text") @Parameter(example = "sénégal") String text,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") @Parameter(example = "nameFr") String sort) {
        PageQuery request = PageQuery.parse(page, size, sort, SORTABLE, "code");
        Map<String, String> current = coverage.currentCoverage();
        Predicate<Country> filter = c -> true;
        String continentValue = Params.text("continent", continent, 60);
        if (continentValue != null) {
            Continent wanted = catalog.requireContinent(continentValue.strip(), "continent");
            filter = filter.and(c -> c.continent() != null && c.continent().code().equals(wanted.code()));
        }
        String regionValue = Params.text("region", region, 60);
        if (regionValue != null) {
            String wanted = regionValue.strip();
            filter = filter.and(c -> c.region() != null
                    && (c.region().code().equals(wanted) || c.region().name().equalsIgnoreCase(wanted)));
        }
        Boolean coveredValue = Params.bool("covered", covered);
        if (coveredValue != null) {
            filter = filter.and(c -> current.containsKey(c.code()) == coveredValue);
        }
        String textValue = Params.text("text", text, 100);
        if (textValue != null) {
            String needle = textValue.strip().toLowerCase(Locale.ROOT);
            filter = filter.and(c -> c.code().equalsIgnoreCase(needle) || c.alpha3().equalsIgnoreCase(needle)
                    || c.nameEn().toLowerCase(Locale.ROOT).contains(needle) || c.nameFr().toLowerCase(Locale.ROOT).contains(needle));
        }
        Comparator<CountryView> order = ORDER.get(request.sortField()).thenComparing(CountryView::code);
        List<CountryView> all = catalog.all().stream().filter(filter)
                .map(c -> CountryView.of(c, current.get(c.code())))
                .sorted(request.descending() ? order.reversed() : order).toList();
        int from = Math.min(request.page() * request.size(), all.size());
        List<CountryView> slice = all.subList(from, Math.min(from + request.size(), all.size()));
        return new PageOf<>(slice, request.page(), request.size(), all.size());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One country, by alpha-2 or alpha-3 code")
    public CountryView get(@PathParam("code") @Parameter(example = "SN") String code) {
        Country country = catalog.get(code);
        return CountryView.of(country, coverage.coveringPost(country.code(), calendar.today()).orElse(null));
    }

    private static Comparator<Object> collator(ULocale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        return collator::compare;
    }
}
