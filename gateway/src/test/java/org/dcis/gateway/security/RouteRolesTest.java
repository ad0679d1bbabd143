package org.dcis.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.HttpMethod;

import org.junit.jupiter.api.Test;

/** The table parser fails loudly on a broken file and closed on anything the table does not name. */
class RouteRolesTest {
    @Test
    void readsRowsAndIgnoresCommentsAndTheHeader() {
        RouteRoles roles = RouteRoles.parse("""
                # comment
                prefix,access,roles
                /api/posts,read,officer  hq-analyst
                /api/posts,write,registry-admin
                """);
        assertThat(roles.allowed("/api/posts", Access.READ)).containsExactly("officer", "hq-analyst");
        assertThat(roles.allowed("/api/posts", Access.WRITE)).containsExactly("registry-admin");
    }

    @Test
    void whatTheTableDoesNotNameNobodyGets() {
        RouteRoles roles = RouteRoles.parse("/api/posts,read,officer\n");
        assertThat(roles.allowed("/api/posts", Access.WRITE)).isEmpty();
        assertThat(roles.allowed("/api/secret", Access.READ)).isEmpty();
    }

    @Test
    void brokenRowsAndDuplicatesStopTheGateway() {
        assertThatThrownBy(() -> RouteRoles.parse("/api/posts,read\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> RouteRoles.parse("posts,read,officer\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> RouteRoles.parse("/api/posts,delete,officer\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteRoles.parse("/api/posts,read,officer\n/api/posts,read,hq-analyst\n"))
                .hasMessageContaining("duplicate");
    }

    @Test
    void onlyTheApiMethodsHaveAnAccessKind() {
        assertThat(Access.of(HttpMethod.GET)).contains(Access.READ);
        assertThat(Access.of(HttpMethod.HEAD)).contains(Access.READ);
        assertThat(Access.of(HttpMethod.PATCH)).contains(Access.WRITE);
        assertThat(Access.of(HttpMethod.TRACE)).isEmpty();
        assertThat(Access.of(HttpMethod.CONNECT)).isEmpty();
        assertThat(Access.of(HttpMethod.OPTIONS)).isEmpty();
    }
}
