package org.dcis.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which service paths reach the management endpoints, however they are spelled. */
class ManagementPathsTest {
    @Test
    void theManagementRootInEverySpellingIsRecognised() {
        for (String path : new String[] { "/q", "/q/", "/q/metrics", "/q/health/ready", "/Q/metrics", "/%71/metrics",
                "/%51/health", "/%2571/metrics", "/%252571/metrics", "//q/metrics", "/./q/health", "/x/../q/health",
                "/x/%2e%2e/q/health", "/%2Fq/metrics", "/q;jsessionid=1/metrics", "/q%3Bx/metrics", "\\q\\metrics",
                "/a/b/../../q", "/%20q/health", "/q%2Fmetrics" }) {
            assertThat(ManagementPaths.targetsManagement(path)).as(path).isTrue();
        }
    }

    @Test
    void pathsThatOnlyLookAlikeAreNot() {
        for (String path : new String[] { "/", "", "/countries", "/quarters", "/qq/metrics", "/countries/q",
                "/cases/q/health", "/q/../countries", "/%71uarters", "/cases?q=1", "/%zz/q", "/%", "/caf%C3%A9" }) {
            assertThat(ManagementPaths.targetsManagement(path)).as(path).isFalse();
        }
        assertThat(ManagementPaths.targetsManagement(null)).isFalse();
    }

    @Test
    void aPathStillChangingAfterTheLastDecodingIsRefused() {
        // no client has a reason to encode a path more than a few times: past the limit it is refused
        assertThat(ManagementPaths.targetsManagement(encodedTimes("/q", ManagementPaths.MAX_DECODINGS + 2))).isTrue();
        assertThat(ManagementPaths.targetsManagement(encodedTimes("/quarters", ManagementPaths.MAX_DECODINGS + 2))).isTrue();
        assertThat(ManagementPaths.targetsManagement(encodedTimes("/quarters", ManagementPaths.MAX_DECODINGS - 1))).isFalse();
    }

    private static String encodedTimes(String path, int times) {
        String encoded = path;
        for (int i = 0; i < times; i++) {
            encoded = encoded.replace("%", "%25").replace("q", "%71");
        }
        return encoded;
    }
}
