package org.dcis.devstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.dcis.devstack.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStopperTest {
    @TempDir
    Path repository;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void stopEndsEveryRecordedServerAndIsIdempotent() {
        StackLayout layout = StackLayout.of(repository);
        ManagedProcess keycloak = TestProcesses.wellBehaved(layout, Server.KEYCLOAK);
        ManagedProcess gateway = TestProcesses.wellBehaved(layout, Server.GATEWAY);
        TestProcesses.record(layout, Server.KEYCLOAK, keycloak);
        TestProcesses.record(layout, Server.GATEWAY, gateway);
        StackStopper stopper = new StackStopper(layout, out);

        assertThat(stopper.stopAll()).isEqualTo(2);

        assertThat(Procs.running(keycloak.pid())).isFalse();
        assertThat(Procs.running(gateway.pid())).isFalse();
        assertThat(layout.pidFile(Server.KEYCLOAK)).doesNotExist();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .containsSubsequence("Stopping gateway", "Stopping Keycloak"); // reverse start order
        assertThat(stopper.stopAll()).isZero();
    }

    @Test
    void aProcessThatOnlyHasOurPidIsLeftAlone() {
        StackLayout layout = StackLayout.of(repository);
        ManagedProcess stranger = TestProcesses.wellBehaved(layout, Server.POSTS);
        try {
            PidFile real = PidFile.of(Server.POSTS, stranger.pid(), 8081, 9081, layout.marker(Server.POSTS), stranger.logFile());
            new PidFile(Server.POSTS, real.pid(), real.startTicks() + 7, 8081, 9081, real.marker(), real.log())
                    .write(layout.pidFile(Server.POSTS));

            assertThat(new StackStopper(layout, out).stopAll()).isZero();

            assertThat(Procs.running(stranger.pid())).isTrue();
            assertThat(layout.pidFile(Server.POSTS)).doesNotExist();
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("now belongs to another process; left alone");
        } finally {
            stranger.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void whatIsLeftInTheProcessGroupOfADeadServerIsEnded() throws Exception {
        StackLayout layout = StackLayout.of(repository);
        ManagedProcess leader = TestProcesses.withChild(layout, Server.KEYCLOAK);
        TestProcesses.record(layout, Server.KEYCLOAK, leader);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Procs.groupMembers(leader.pid()).size() == 2);
        List<Long> members = Procs.groupMembers(leader.pid());
        // The leader dies without taking its child along, as Keycloak's JVM may survive its kc.sh.
        Procs.signal("KILL", leader.pid());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !Procs.running(leader.pid()));
        assertThat(Procs.groupMembers(leader.pid())).hasSize(1);

        assertThat(new StackStopper(layout, out).stop(Server.KEYCLOAK)).isTrue();

        assertThat(members).noneMatch(Procs::running);
        assertThat(Files.exists(layout.pidFile(Server.KEYCLOAK))).isFalse();
    }

    @Test
    void killEndsTheWholeGroupAtOnceEvenAServerThatWouldShutDownSlowly() {
        StackLayout layout = StackLayout.of(repository);
        // ignores TERM and INT: only SIGKILL ends it, as a crash would
        ManagedProcess stubborn = ManagedProcess.start("stubborn", List.of("bash", "-c",
                "trap '' TERM INT; sleep 300 & wait; wait", layout.marker(Server.COOPERATION)), java.util.Map.of(),
                layout.repository(), layout.log(Server.COOPERATION), true);
        TestProcesses.record(layout, Server.COOPERATION, stubborn);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Procs.groupMembers(stubborn.pid()).size() == 2);
        List<Long> members = Procs.groupMembers(stubborn.pid());

        PidFile killed = new StackStopper(layout, out).kill(Server.COOPERATION);

        assertThat(killed.pid()).isEqualTo(stubborn.pid());
        assertThat(members).noneMatch(Procs::running);
        assertThat(layout.pidFile(Server.COOPERATION)).doesNotExist();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("Killing cooperation-service");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StackStopper(layout, out).kill(Server.COOPERATION))
                .isInstanceOf(StackException.class).hasMessageContaining("not running");
    }
}
