package org.dcis.posts.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.dcis.posts.assignment.Force;
import org.dcis.posts.assignment.OfficerRole;
import org.dcis.posts.country.Continent;
import org.dcis.posts.country.Country;
import org.dcis.posts.country.CountryCatalog;
import org.dcis.posts.post.PostRegistry;
import org.dcis.posts.post.PostStatus;

/** Counts the network from the registry (officers counted by their current assignment). */
@ApplicationScoped
public class NetworkSummaries {
    private final EntityManager entityManager;
    private final CountryCatalog catalog;
    private final PostRegistry posts;

    public NetworkSummaries(EntityManager entityManager, CountryCatalog catalog, PostRegistry posts) {
        this.entityManager = entityManager;
        this.catalog = catalog;
        this.posts = posts;
    }

    public NetworkSummary summary() {
        Map<String, Long> byStatus = zeros(PostStatus.values());
        Map<String, Long> hostsByContinent = new TreeMap<>();
        for (Object[] row : entityManager.createQuery("select p.status, p.hostCountry from Post p", Object[].class).getResultList()) {
            byStatus.merge(row[0].toString(), 1L, Long::sum);
            if (row[0] != PostStatus.CLOSED) {
                catalog.find((String) row[1]).map(Country::continent)
                        .ifPresent(c -> hostsByContinent.merge(c.code(), 1L, Long::sum));
            }
        }
        Map<String, Long> byForce = zeros(Force.values());
        Map<String, Long> byRole = zeros(OfficerRole.values());
        long officers = 0;
        for (Object[] row : entityManager.createQuery(
                "select a.officer.force, a.role, count(a) from Assignment a where a.endsOn is null group by a.officer.force, a.role",
                Object[].class).getResultList()) {
            long count = (Long) row[2];
            byForce.merge(row[0].toString(), count, Long::sum);
            byRole.merge(row[1].toString(), count, Long::sum);
            officers += count;
        }
        Map<String, String> coverage = posts.currentCoverage();
        List<NetworkSummary.ContinentCoverage> continents = new ArrayList<>();
        long continentsCovered = 0;
        for (Continent continent : catalog.continents()) {
            List<String> codes = catalog.codesIn(continent);
            long covered = codes.stream().filter(coverage::containsKey).count();
            if (covered > 0) {
                continentsCovered++;
            }
            continents.add(new NetworkSummary.ContinentCoverage(continent.code(), continent.name(), covered, codes.size(),
                    hostsByContinent.getOrDefault(continent.code(), 0L)));
        }
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new NetworkSummary(new NetworkSummary.Posts(total, byStatus),
                new NetworkSummary.Officers(officers, byForce, byRole),
                new NetworkSummary.Countries(coverage.size(), catalog.all().size(), continentsCovered, continents));
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> map = new TreeMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }
}
