package org.dcis.devstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {
    @TempDir
    Path repository;

    @Test
    void aTakenPortIsNamedWithItsServerItsHolderAndTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Map<String, String> env = Map.of("DCIS_KEYCLOAK_PORT", Integer.toString(port));
            StackStarter starter = new StackStarter(StackLayout.of(repository), StackPorts.from(env), env,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            assertThatThrownBy(starter::preflight)
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + port + " (Keycloak) is already taken by pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("DCIS_KEYCLOAK_PORT=<port> deploy/local/run")
                    // the same check lists every other problem at once, here the missing build
                    .hasMessageContaining("gateway/target/quarkus-app/quarkus-run.jar is missing");
        }
    }

    @Test
    void nothingRecordedMeansNotRunningAndNothingToStop() {
        StackLayout layout = StackLayout.of(repository);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

        assertThat(LocalStack.run("status", layout, Map.of(), out, out)).isEqualTo(StackStatus.NOT_RUNNING);
        assertThat(LocalStack.run("running", layout, Map.of(), out, out)).isEqualTo(StackStatus.NOT_RUNNING);
        assertThat(LocalStack.run("stop", layout, Map.of(), out, out)).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("Nothing of the local stack was running.");
    }
}
