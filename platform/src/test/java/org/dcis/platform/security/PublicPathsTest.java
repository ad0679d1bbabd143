package org.dcis.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PublicPathsTest {
    private final PublicPaths paths = PublicPaths.of(List.of("/q/health", "/q/health/*", " /q/openapi ", "/status/*"));

    @Test
    void exactAndPrefixPatternsLikeQuarkusPermissions() {
        assertThat(paths.contains("/q/health")).isTrue();
        assertThat(paths.contains("/q/health/ready")).isTrue();
        assertThat(paths.contains("/q/openapi")).isTrue();
        assertThat(paths.contains("/status")).isTrue();
        assertThat(paths.contains("/status/posts")).isTrue();
    }

    @Test
    void nothingElse() {
        assertThat(paths.contains("/q/healthy")).isFalse();
        assertThat(paths.contains("/q/openapi/extra")).isFalse();
        assertThat(paths.contains("/statusx")).isFalse();
        assertThat(paths.contains("/posts")).isFalse();
        assertThat(paths.contains(null)).isFalse();
    }
}
