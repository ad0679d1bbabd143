package org.dcis.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;

class TokenCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SecurityIdentity alice = QuarkusSecurityIdentity.builder()
            .setPrincipal(() -> "alice").addRole("officer").build();

    @Test
    void servesAKnownTokenUntilItsExpiryPlusTheSkewAndNotASecondLonger() {
        TokenCache cache = new TokenCache(10, 10, now::get);
        cache.put("a.b.c", "Default", alice, now.get() + 60);
        assertThat(cache.get("a.b.c", "Default")).isSameAs(alice);
        now.set(1_000_000 + 69);
        assertThat(cache.get("a.b.c", "Default")).isSameAs(alice);
        now.set(1_000_000 + 70);
        assertThat(cache.get("a.b.c", "Default")).isNull();
        assertThat(cache.size()).as("dropped once expired").isZero();
    }

    @Test
    void anyOtherTokenOrTenantIsAMiss() {
        TokenCache cache = new TokenCache(10, 0, now::get);
        cache.put("a.b.c", "Default", alice, now.get() + 60);
        assertThat(cache.get("a.b.C", "Default")).isNull();
        assertThat(cache.get("a.b.c ", "Default")).isNull();
        assertThat(cache.get("a.b.c", "app")).isNull();
        assertThat(cache.get("a.b.c", null)).isNull();
        assertThat(cache.get("a.b.\u00e7", "Default")).isNull();
    }

    @Test
    void neverStoresAnExpiredTokenNorOneWithCharactersOutsideAscii() {
        TokenCache cache = new TokenCache(10, 0, now::get);
        cache.put("old", "Default", alice, now.get());
        cache.put("a.b.\u00e7", "Default", alice, now.get() + 60);
        cache.put("no-tenant", null, alice, now.get() + 60);
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBound() {
        TokenCache cache = new TokenCache(100, 0, now::get);
        for (int i = 0; i < 1_000; i++) {
            cache.put("token-" + i, "Default", alice, now.get() + (i % 2 == 0 ? 1 : 600));
            if (i % 10 == 0) {
                now.incrementAndGet();
            }
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.get("token-999", "Default")).isSameAs(alice);
        assertThatThrownBy(() -> new TokenCache(0, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
