package org.dcis.devstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLayoutTest {
    @TempDir
    Path repository;

    @Test
    void theLocalStackKeepsEverythingUnderDotDevstack() {
        StackLayout layout = StackLayout.of(repository);

        Path state = repository.resolve(".devstack");
        assertThat(layout.state()).isEqualTo(state);
        assertThat(layout.keycloakInstall()).isEqualTo(state.resolve("keycloak"));
        assertThat(layout.keycloakInstallProven()).isEqualTo(state.resolve("keycloak.ready"));
        assertThat(layout.pidFile(Server.KAFKA)).isEqualTo(state.resolve("pids/kafka.pid"));
        assertThat(layout.serviceJar(Server.POSTS))
                .isEqualTo(repository.resolve("posts-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void anotherStackOfTheRepositoryKeepsItsStateApartAndMayReuseAKeycloakCopy(@TempDir Path elsewhere) {
        Path state = elsewhere.resolve("fault-stack");
        Path keycloak = elsewhere.resolve("slots/keycloak-3");

        StackLayout layout = StackLayout.at(repository, state, keycloak);

        assertThat(layout.postgresData()).startsWithRaw(state);
        assertThat(layout.kafkaData()).startsWithRaw(state);
        assertThat(layout.logs()).startsWithRaw(state);
        assertThat(layout.pidFile(Server.GATEWAY)).startsWithRaw(state);
        assertThat(layout.keycloakInstall()).isEqualTo(keycloak);
        assertThat(layout.keycloakInstallProven()).isEqualTo(elsewhere.resolve("slots/keycloak-3.ready"));
        assertThat(layout.marker(Server.KEYCLOAK)).isEqualTo(keycloak.toString());
        // the services still come from this repository's build
        assertThat(layout.serviceJar(Server.COOPERATION))
                .isEqualTo(repository.resolve("cooperation-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void aServiceGetsTheExtraSettingsOfItsStackOnTopOfTheLaunchersOwn() {
        StackStarter starter = new StackStarter(StackLayout.of(repository), StackPorts.from(Map.of()), Map.of(),
                System.out)
                .withServiceEnvironment(Server.GATEWAY, Map.of("DCIS_GATEWAY_RATE_LIMIT_REQUESTS", "100000",
                        "DCIS_GATEWAY_POSTS_URL", "http://localhost:1"));

        assertThat(starter.serviceEnvironment(Server.GATEWAY))
                .containsEntry("DCIS_GATEWAY_RATE_LIMIT_REQUESTS", "100000")
                .containsEntry("DCIS_GATEWAY_POSTS_URL", "http://localhost:1")
                .containsEntry("QUARKUS_HTTP_PORT", "8080");
        assertThat(starter.serviceEnvironment(Server.POSTS)).doesNotContainKey("DCIS_GATEWAY_RATE_LIMIT_REQUESTS");
    }

    @Test
    void theLocalStackLoadsTheDemoNetworkAndItsHistory() {
        StackStarter starter = new StackStarter(StackLayout.of(repository), StackPorts.from(Map.of()), Map.of(),
                System.out);

        assertThat(starter.serviceEnvironment(Server.POSTS)).containsEntry("DCIS_POSTS_DEMO_DATA_ENABLED", "true")
                .doesNotContainKey("DCIS_COOPERATION_DEMO_HISTORY_ENABLED");
        assertThat(starter.serviceEnvironment(Server.COOPERATION))
                .containsEntry("DCIS_COOPERATION_DEMO_HISTORY_ENABLED", "true");
        assertThat(starter.serviceEnvironment(Server.GATEWAY)).doesNotContainKey("DCIS_COOPERATION_DEMO_HISTORY_ENABLED");
    }

    @Test
    void aServiceRunsWithTheSerialCollectorAndTheAppCdsArchiveOfItsBuildWhenThereIsOne() throws Exception {
        StackLayout layout = StackLayout.of(repository);
        StackStarter starter = new StackStarter(layout, StackPorts.from(Map.of()), Map.of(), System.out);
        Path jar = layout.serviceJar(Server.POSTS);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar.resolveSibling("app-cds.jsa"), "archive");

        List<String> posts = starter.serviceCommand(Server.POSTS);
        assertThat(posts).containsSubsequence("-Xmx384m", "-XX:+UseSerialGC", "-Xms32m",
                "-XX:SharedArchiveFile=" + jar.resolveSibling("app-cds.jsa"), "-jar", jar.toString());
        // no archive built (quarkus.package.jar.appcds.enabled=false): none named
        assertThat(starter.serviceCommand(Server.GATEWAY)).contains("-XX:+UseSerialGC")
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void theServicesJavaOptionsReplaceTheDefaultsAndMayTurnTheArchiveOff() throws Exception {
        StackLayout layout = StackLayout.of(repository);
        Path jar = layout.serviceJar(Server.POSTS);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar.resolveSibling("app-cds.jsa"), "archive");

        List<String> g1 = new StackStarter(layout, StackPorts.from(Map.of()),
                Map.of("DCIS_SERVICE_JAVA_OPTS", "-Xmx512m"), System.out).serviceCommand(Server.POSTS);
        assertThat(g1).contains("-Xmx512m").doesNotContain("-XX:+UseSerialGC", "-Xmx384m")
                .anyMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        List<String> off = new StackStarter(layout, StackPorts.from(Map.of()),
                Map.of("DCIS_SERVICE_JAVA_OPTS", "-Xmx384m -Xshare:off"), System.out).serviceCommand(Server.POSTS);
        assertThat(off).contains("-Xshare:off").noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
    }
}
