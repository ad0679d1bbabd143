package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.dcis.posts.assignment.Assignment;
import org.dcis.posts.country.CountryCatalog;
import org.dcis.posts.demo.DemoDataset;
import org.dcis.posts.network.NetworkSummaries;
import org.dcis.posts.network.NetworkSummary;
import org.dcis.posts.post.Post;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo network, loaded through the registry's use cases into an emptied registry inside one
 * transaction that is rolled back at the end: other tests keep their data and the topic gets nothing.
 */
@QuarkusTest
class DemoDatasetTest {
    @Inject
    DemoDataset demo;

    @Inject
    NetworkSummaries summaries;

    @Inject
    EntityManager entityManager;

    @Inject
    CountryCatalog countries;

    @Test
    void theSeedTableNamesKnownCountriesOnce() {
        Set<String> seen = new HashSet<>();
        for (DemoDataset.Seed seed : DemoDataset.seeds()) {
            assertThat(countries.isCountry(seed.id().substring(0, 2))).as(seed.id()).isTrue();
            assertThat(seen.add(seed.id().substring(0, 2))).as("host of %s covered once", seed.id()).isTrue();
            for (String country : seed.coverage()) {
                assertThat(countries.isCountry(country)).as(country).isTrue();
                assertThat(seen.add(country)).as("%s covered once", country).isTrue();
            }
        }
    }

    @Test
    void theDemoNetworkHas76PostsCoveringMoreThan160CountriesOnFiveContinents() {
        QuarkusTransaction.begin();
        try {
            for (String table : List.of("assignment", "officer", "coverage_period", "post")) {
                entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
            long outboxBefore = outboxRows();

            DemoDataset.Result result = demo.loadIfEmpty();
            assertThat(result.loaded()).isTrue();
            NetworkSummary summary = summaries.summary();

            assertThat(summary.posts().total()).isEqualTo(76);
            assertThat(summary.posts().byStatus().get("SUSPENDED")).isEqualTo(3);
            assertThat(summary.countries().covered()).isGreaterThan(160);
            assertThat(summary.countries().total()).isEqualTo(249);
            assertThat(summary.countries().continentsCovered()).isEqualTo(5);
            assertThat(summary.countries().byContinent()).allSatisfy(c -> assertThat(c.covered()).isPositive());
            assertThat(summary.officers().total()).isEqualTo(result.assignments()).isBetween(260L, 340L);
            assertThat(summary.officers().byForce().values()).allSatisfy(n -> assertThat(n).isPositive());
            assertThat(summary.officers().byRole().get("HEAD_OF_SERVICE")).isEqualTo(76);
            for (String demoPost : List.of("SN-DAKAR", "CO-BOGOTA", "MA-RABAT")) {
                assertThat(Post.<Post> findById(demoPost)).as(demoPost).isNotNull();
            }
            assertThat(Assignment.count("postId", "SN-DAKAR")).isPositive();
            // through the domain: every post, assignment and suspension announced
            assertThat(outboxRows() - outboxBefore).isEqualTo(76 + result.assignments() + 3);
            assertThat(demo.loadIfEmpty().loaded()).as("a second start loads nothing").isFalse();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private long outboxRows() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult()).longValue();
    }
}
