package org.dcis.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The public prefix is stripped exactly, and only whole path segments select a service. */
class DownstreamTest {
    @Test
    void stripsThePrefixAndKeepsTheQuery() {
        URI base = URI.create("http://posts:8081");
        assertThat(Downstream.POSTS.downstreamUri(base, "/api/posts/countries/SN", "lang=fr"))
                .isEqualTo("/countries/SN?lang=fr");
        assertThat(Downstream.POSTS.downstreamUri(base, "/api/posts", null)).isEqualTo("/");
        assertThat(Downstream.COOPERATION.downstreamUri(URI.create("http://coop:8082/base"), "/api/cooperation/cases", ""))
                .isEqualTo("/base/cases");
    }

    @Test
    void theDashboardPrefixLeadsToCooperationsDashboard() {
        URI base = URI.create("http://coop:8082");
        assertThat(Downstream.DASHBOARD.downstreamUri(base, "/api/dashboard/counts/theme", "from=2025-01-01"))
                .isEqualTo("/dashboard/counts/theme?from=2025-01-01");
        assertThat(Downstream.DASHBOARD.downstreamUri(base, "/api/dashboard", null)).isEqualTo("/dashboard");
        assertThat(Downstream.DASHBOARD.paths().matcher("/api/dashboards").matches()).isFalse();
        // the service's paths under /dashboard are published under /api/dashboard, and only there
        assertThat(Downstream.publicPath(Downstream.COOPERATION, "/dashboard/summary")).isEqualTo("/api/dashboard/summary");
        assertThat(Downstream.publicPath(Downstream.COOPERATION, "/dashboards")).isEqualTo("/api/cooperation/dashboards");
        assertThat(Downstream.publicPath(Downstream.COOPERATION, "/cases")).isEqualTo("/api/cooperation/cases");
        assertThat(Downstream.publicPath(Downstream.POSTS, "/dashboard/summary")).isEqualTo("/api/posts/dashboard/summary");
        assertThat(Downstream.COOPERATION.publishedElsewhere("/api/cooperation/dashboard/summary")).isTrue();
        assertThat(Downstream.COOPERATION.publishedElsewhere("/api/cooperation/dashboard")).isTrue();
        assertThat(Downstream.COOPERATION.publishedElsewhere("/api/cooperation/dashboards")).isFalse();
        assertThat(Downstream.POSTS.publishedElsewhere("/api/posts/dashboard")).isFalse();
        assertThat(Downstream.DASHBOARD.publishedElsewhere("/api/dashboard/summary")).isFalse();
    }

    @Test
    void onlyWholeSegmentsMatch() {
        assertThat(Downstream.POSTS.paths().matcher("/api/posts").matches()).isTrue();
        assertThat(Downstream.POSTS.paths().matcher("/api/posts/").matches()).isTrue();
        assertThat(Downstream.POSTS.paths().matcher("/api/posts/countries").matches()).isTrue();
        assertThat(Downstream.POSTS.paths().matcher("/api/postsadmin").matches()).isFalse();
        assertThat(Downstream.POSTS.paths().matcher("/api/cooperation/cases").matches()).isFalse();
    }

    @Test
    void identityAndProxyHeadersAreDropped() {
        for (String header : new String[] { "X-Forwarded-For", "x-forwarded-host", "Forwarded", "X-Real-IP", "X-User",
                "X-User-Roles", "X-Roles", "X-Post-Id", "X-Auth-Token", "X-Http-Method-Override", "X-Request-Id" }) {
            assertThat(ForwardedHeaders.isDropped(header)).as(header).isTrue();
        }
        for (String header : new String[] { "Authorization", "Content-Type", "If-Match", "Idempotency-Key", "Accept" }) {
            assertThat(ForwardedHeaders.isDropped(header)).as(header).isFalse();
        }
    }
}
