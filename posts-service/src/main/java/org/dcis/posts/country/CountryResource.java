package org.dcis.posts.country;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.dcis.posts.RegistryClock;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import org.dcis.posts.post.CoveragePeriod;
import org.dcis.posts.post.PostRegistry;
import org.dcis.posts.rules.RegistryException;
import org.dcis.posts.web.PageRequest;
import org.dcis.posts.web.PageView;
import org.dcis.posts.web.QueryParams;
import org.dcis.posts.web.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/countries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Countries", description = "ISO 3166-1 countries (from ICU) and who covers them")
@RolesAllowed({ Roles.OFFICER, Roles.HQ_ANALYST, Roles.REGISTRY_ADMIN, Roles.PARTNER_EU, Roles.PARTNER_UN })
public class CountryResource {
    private static final List<String> SORTABLE = List.of("code", "alpha3", "nameEn", "nameFr", "continent");
    private static final Map<String, Comparator<CountryView>> ORDER = Map.of(
            "code", Comparator.comparing(CountryView::code),
            "alpha3", Comparator.comparing(CountryView::alpha3),
            // names sort as readers expect (É with E), not by code point
            "nameEn", Comparator.comparing(CountryView::nameEn, collator(ULocale.ENGLISH)),
            "nameFr", Comparator.comparing(CountryView::nameFr, collator(ULocale.FRENCH)),
            "continent", Comparator.comparing((CountryView c) -> c.continent() == null ? "" : c.continent().name()));

    private final CountryCatalog catalog;
    private final PostRegistry posts;
    private final RegistryClock clock;

    public CountryResource(CountryCatalog catalog, PostRegistry posts, RegistryClock clock) {
        this.catalog = catalog;
        this.posts = posts;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "List countries", description = "Filters: continent and region (UN M49 code or English name),"
            + " covered (true/false), text (code or English/French name). Sort by code, alpha3, nameEn, nameFr, continent.")
    public PageView<CountryView> list(@QueryParam("continent") @Parameter(example = "Africa") String continent,
            @QueryParam("region") @Parameter(example = "011") String region,
            @QueryParam("covered") @Parameter(example = "true") String covered,
            @QueryParam("text") @Parameter(example = "sénégal") String text,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") @Parameter(example = "nameFr") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, SORTABLE, "code");
        Map<String, String> coverage = posts.currentCoverage();
        Predicate<Country> filter = c -> true;
        if (continent != null && !continent.isBlank()) {
            Continent wanted = catalog.requireContinent(continent.trim(), "continent");
            filter = filter.and(c -> c.continent() != null && c.continent().code().equals(wanted.code()));
        }
        String regionValue = QueryParams.text(region, "region", 60);
        if (regionValue != null) {
            filter = filter.and(c -> c.region() != null
                    && (c.region().code().equals(regionValue) || c.region().name().equalsIgnoreCase(regionValue)));
        }
        Boolean coveredValue = QueryParams.bool(covered, "covered");
        if (coveredValue != null) {
            filter = filter.and(c -> coverage.containsKey(c.code()) == coveredValue);
        }
        String textValue = QueryParams.text(text, "text", 100);
        if (textValue != null) {
            String needle = textValue.toLowerCase(Locale.ROOT);
            filter = filter.and(c -> c.code().equalsIgnoreCase(needle) || c.alpha3().equalsIgnoreCase(needle)
                    || c.nameEn().toLowerCase(Locale.ROOT).contains(needle) || c.nameFr().toLowerCase(Locale.ROOT).contains(needle));
        }
        Comparator<CountryView> order = ORDER.get(request.sortField()).thenComparing(CountryView::code);
        List<CountryView> all = catalog.all().stream().filter(filter)
                .map(c -> CountryView.of(c, coverage.get(c.code())))
                .sorted(request.descending() ? order.reversed() : order).toList();
        return new PageView<>(request.slice(all), request.page(), request.size(), all.size());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One country, by alpha-2 or alpha-3 code")
    public CountryView get(@PathParam("code") @Parameter(example = "SN") String code) {
        Country country = require(code);
        return CountryView.of(country, posts.coveringOn(country.code(), clock.today()).map(CoveragePeriod::postId).orElse(null));
    }

    @GET
    @Path("/{code}/post")
    @Operation(summary = "Who covers this country", description = "Today, or on the day given by ?on=YYYY-MM-DD. "
            + "404 when no post covered it that day.")
    public CountryCoverageView coveringPost(@PathParam("code") String code,
            @QueryParam("on") @Parameter(example = "2020-01-31") String on) {
        Country country = require(code);
        LocalDate day = QueryParams.date(on, "on");
        LocalDate when = day == null ? clock.today() : day;
        CoveragePeriod period = posts.coveringOn(country.code(), when).orElseThrow(() -> RegistryException.notFound(
                "no post covered " + country.code() + " on " + when));
        return new CountryCoverageView(country.code(), when, period.postId(), period.validFrom(), period.validTo(),
                posts.view(posts.require(period.postId())));
    }

    private static Comparator<Object> collator(ULocale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        return collator::compare;
    }

    private Country require(String code) {
        return catalog.find(code).orElseThrow(() -> RegistryException.notFound("no ISO 3166-1 country " + code));
    }
}
