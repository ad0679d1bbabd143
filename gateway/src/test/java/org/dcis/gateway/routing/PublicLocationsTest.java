package org.dcis.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** The address rules of the gateway's answers, without servers. */
class PublicLocationsTest {
    private static final String GATEWAY = "gateway.example";

    private static PublicLocations locations() {
        Map<String, URI> bases = new LinkedHashMap<>();
        bases.put("/api/posts", URI.create("http://posts.internal:8081"));
        bases.put("/api/cooperation", URI.create("https://cooperation.internal/svc"));
        return new PublicLocations(bases);
    }

    private static String posts(String location) {
        return locations().toPublic(location, URI.create("http://posts.internal:8081/posts?page=1"), "https", GATEWAY);
    }

    @Test
    void anAddressOnAServiceBecomesTheGatewaysPublicOne() {
        assertThat(posts("http://posts.internal:8081/posts/SN-DAKAR")).isEqualTo("https://gateway.example/api/posts/posts/SN-DAKAR");
        assertThat(posts("HTTP://POSTS.internal:8081/posts/SN-DAKAR?x=1#f"))
                .isEqualTo("https://gateway.example/api/posts/posts/SN-DAKAR?x=1#f");
        assertThat(posts("http://posts.internal:8081")).isEqualTo("https://gateway.example/api/posts");
        // default port, base path
        assertThat(posts("https://cooperation.internal:443/svc/cases/42")).isEqualTo("https://gateway.example/api/cooperation/cases/42");
        assertThat(posts("https://cooperation.internal/svc/cases/42")).isEqualTo("https://gateway.example/api/cooperation/cases/42");
        // a network-path reference takes the scheme of the request
        assertThat(posts("//posts.internal:8081/posts/1")).isEqualTo("https://gateway.example/api/posts/posts/1");
        // without a Host from the client, the public address stays relative
        assertThat(locations().toPublic("http://posts.internal:8081/posts/1", URI.create("http://posts.internal:8081/"), "http", null))
                .isEqualTo("/api/posts/posts/1");
    }

    @Test
    void aRelativeAddressIsResolvedAndPrefixed() {
        assertThat(posts("/posts/SN-DAKAR")).isEqualTo("/api/posts/posts/SN-DAKAR");
        assertThat(posts("SN-DAKAR")).isEqualTo("/api/posts/SN-DAKAR");
        assertThat(posts("./posts/../countries/SN")).isEqualTo("/api/posts/countries/SN");
        assertThat(locations().toPublic("42", URI.create("https://cooperation.internal/svc/cases/"), "http", GATEWAY))
                .isEqualTo("/api/cooperation/cases/42");
    }

    @Test
    void anAddressElsewhereIsLeftAlone() {
        for (String elsewhere : new String[] { "https://registry.example.org/posts/1", "http://posts.internal:9000/q/health",
                "https://posts.internal:8081/posts/1", "http://cooperation.internal/cases/1",
                "https://cooperation.internal/other/cases/1", "https://cooperation.internal/svcx/cases",
                "mailto:duty@dcis.example", "https://gateway.example/api/posts/posts/1" }) {
            assertThat(posts(elsewhere)).as(elsewhere).isEqualTo(elsewhere);
        }
        // a relative address climbing out of a service's base path is not that service's
        assertThat(locations().toPublic("../../x", URI.create("https://cooperation.internal/svc/cases"), "http", GATEWAY))
                .isEqualTo("../../x");
    }

    @Test
    void headersAreRewrittenAndAValueThatIsNoUriIsDropped() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Location", "http://posts.internal:8081/posts/1")
                .add("content-location", "http://posts.internal:8081/posts/1 with spaces")
                .add("ETag", "\"3\"");
        locations().rewrite(headers, () -> URI.create("http://posts.internal:8081/posts"), "http", "localhost:8080");
        assertThat(headers.get("Location")).isEqualTo("http://localhost:8080/api/posts/posts/1");
        assertThat(headers.contains("Content-Location")).isFalse();
        assertThat(headers.get("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void theRequestedUriSurvivesQueriesTheUriClassRefuses() {
        URI base = URI.create("http://posts.internal:8081");
        assertThat(PublicLocations.requested(base, "/posts?page=1")).isEqualTo(URI.create("http://posts.internal:8081/posts?page=1"));
        assertThat(PublicLocations.requested(base, "/posts?filter={x}|y")).isEqualTo(URI.create("http://posts.internal:8081/posts"));
    }
}
