package org.dcis.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ingress NetworkPolicies, evaluated as the API server would for a few (source, destination, port) pairs: the
 * gateway from anywhere, the services' API from the gateway only, their management ports from the monitoring
 * namespace (and the gateway's /status), PostgreSQL and Kafka from the services only.
 */
class NetworkPolicyTest {
    private static final Map<String, String> GATEWAY = Map.of("app.kubernetes.io/name", "gateway", "app.kubernetes.io/part-of", "dcis");
    private static final Map<String, String> POSTS = Map.of("app.kubernetes.io/name", "posts-service", "app.kubernetes.io/part-of", "dcis");
    private static final Map<String, String> COOPERATION = Map.of("app.kubernetes.io/name", "cooperation-service", "app.kubernetes.io/part-of", "dcis");
    private static final Map<String, String> KEYCLOAK = Map.of("app", "keycloak");
    private static final Map<String, String> POSTGRES = Map.of("cnpg.io/cluster", "dcis-postgres");
    private static final Map<String, String> STRANGER = Map.of("app", "something-else");

    /** A peer: its namespace and its labels. */
    record Peer(String namespace, Map<String, String> labels) {
        static Peer in(Map<String, String> labels) {
            return new Peer("dcis", labels);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyTheGatewayIsOpenAndOnlyTheServicesReachTheirBackends(String overlay) {
        Peer outside = new Peer("elsewhere", STRANGER);
        Peer monitoring = new Peer("monitoring", Map.of("app", "prometheus"));
        Peer stranger = Peer.in(STRANGER);
        int postsHttp = ConfigurationTest.httpPort("posts-service");
        int postsManagement = ConfigurationTest.healthPort("posts-service");
        int coopHttp = ConfigurationTest.httpPort("cooperation-service");
        int coopManagement = ConfigurationTest.healthPort("cooperation-service");

        assertThat(allowed(overlay, outside, GATEWAY, ConfigurationTest.httpPort("gateway"))).isTrue();
        for (var service : List.of(Map.entry(POSTS, new int[] {postsHttp, postsManagement}),
                Map.entry(COOPERATION, new int[] {coopHttp, coopManagement}))) {
            int api = service.getValue()[0];
            int management = service.getValue()[1];
            assertThat(allowed(overlay, Peer.in(GATEWAY), service.getKey(), api)).isTrue();
            assertThat(allowed(overlay, outside, service.getKey(), api)).isFalse();
            assertThat(allowed(overlay, stranger, service.getKey(), api)).isFalse();
            assertThat(allowed(overlay, monitoring, service.getKey(), api)).isFalse();
            assertThat(allowed(overlay, monitoring, service.getKey(), management)).isTrue();
            assertThat(allowed(overlay, Peer.in(GATEWAY), service.getKey(), management)).isTrue();
            assertThat(allowed(overlay, outside, service.getKey(), management)).isFalse();
            assertThat(allowed(overlay, stranger, service.getKey(), management)).isFalse();
        }
        assertThat(allowed(overlay, Peer.in(POSTS), POSTGRES, 5432)).isTrue();
        assertThat(allowed(overlay, Peer.in(COOPERATION), POSTGRES, 5432)).isTrue();
        assertThat(allowed(overlay, Peer.in(KEYCLOAK), POSTGRES, 5432)).isTrue();
        assertThat(allowed(overlay, Peer.in(GATEWAY), POSTGRES, 5432)).isFalse();
        assertThat(allowed(overlay, outside, POSTGRES, 5432)).isFalse();
        assertThat(allowed(overlay, stranger, POSTGRES, 5432)).isFalse();
        // an unlisted pod of the namespace is closed by the default deny
        assertThat(allowed(overlay, outside, STRANGER, 8080)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void kafkaClientListenerAdmitsTheTwoServicesOnly(String overlay) {
        JsonNode listeners = Rendered.one(overlay, "Kafka", "dcis-kafka").path("spec").path("kafka").path("listeners");
        assertThat(listeners).isNotEmpty();
        for (JsonNode listener : listeners) {
            List<String> peers = new ArrayList<>();
            for (JsonNode peer : listener.path("networkPolicyPeers")) {
                assertThat(peer.has("namespaceSelector") || peer.has("ipBlock")).isFalse();
                peers.add(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
            }
            assertThat(peers).as("listener %s", listener.path("name").asText())
                    .containsExactlyInAnyOrder("posts-service", "cooperation-service");
        }
    }

    /** Whether some policy selecting the destination admits the source on the port (none selecting it: open). */
    static boolean allowed(String overlay, Peer source, Map<String, String> destination, int port) {
        boolean selected = false;
        for (JsonNode policy : Rendered.ofKind(overlay, "NetworkPolicy")) {
            JsonNode spec = policy.path("spec");
            if (!matches(spec.path("podSelector"), destination)) {
                continue;
            }
            if (!spec.path("policyTypes").toString().contains("Ingress")) {
                continue;
            }
            selected = true;
            for (JsonNode rule : spec.path("ingress")) {
                boolean portOk = !rule.has("ports") || StreamSupport.stream(rule.path("ports").spliterator(), false)
                        .anyMatch(p -> !p.has("port") || p.path("port").asInt() == port);
                boolean fromOk = !rule.has("from") || rule.path("from").isEmpty()
                        || StreamSupport.stream(rule.path("from").spliterator(), false).anyMatch(f -> peerMatches(f, source));
                if (portOk && fromOk) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean peerMatches(JsonNode from, Peer source) {
        if (from.has("ipBlock")) {
            return false;
        }
        boolean namespaceOk = from.has("namespaceSelector")
                ? matches(from.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", source.namespace()))
                : source.namespace().equals("dcis");
        boolean podOk = !from.has("podSelector") || matches(from.path("podSelector"), source.labels());
        return namespaceOk && podOk;
    }

    private static boolean matches(JsonNode selector, Map<String, String> labels) {
        assertThat(selector.has("matchExpressions")).as("only matchLabels are evaluated here").isFalse();
        var it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
