package org.dcis.devstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.dcis.devstack.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
    @TempDir
    Path repository;

    @Test
    void aWrittenPidFileReadsBackTheSame() {
        StackLayout layout = StackLayout.of(repository);
        ManagedProcess process = TestProcesses.wellBehaved(layout, Server.KAFKA);
        try {
            PidFile written = TestProcesses.record(layout, Server.KAFKA, process);

            assertThat(PidFile.read(Server.KAFKA, layout.pidFile(Server.KAFKA))).contains(written);
            assertThat(written.startTicks()).isPositive();
            await().atMost(Duration.ofSeconds(10)).until(written::isOurLiveProcess);
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void aRecycledPidIsNotOurs() {
        StackLayout layout = StackLayout.of(repository);
        ManagedProcess process = TestProcesses.wellBehaved(layout, Server.KAFKA);
        try {
            PidFile real = PidFile.of(Server.KAFKA, process.pid(), 9092, 9092, layout.marker(Server.KAFKA), process.logFile());
            // Same PID, other start time: what a PID reused by the system after our server died looks like.
            PidFile otherStart = new PidFile(Server.KAFKA, real.pid(), real.startTicks() - 1, 9092, 9092, real.marker(), real.log());
            PidFile otherCommand = new PidFile(Server.KAFKA, real.pid(), real.startTicks(), 9092, 9092,
                    repository.resolve("elsewhere").toString(), real.log());

            // Right after the fork the child may still be Java's spawn helper, not yet bash with the marker.
            await().atMost(Duration.ofSeconds(10)).until(real::isOurLiveProcess);
            assertThat(otherStart.isOurLiveProcess()).isFalse();
            assertThat(otherCommand.isOurLiveProcess()).isFalse();
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void anEndedProcessIsNoLongerOurs() {
        StackLayout layout = StackLayout.of(repository);
        ManagedProcess process = TestProcesses.wellBehaved(layout, Server.GATEWAY);
        PidFile pid = TestProcesses.record(layout, Server.GATEWAY, process);

        process.stop(Duration.ofSeconds(10));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !pid.isOurLiveProcess());
    }

    @Test
    void aTornPidFileIdentifiesNothing() throws Exception {
        Path file = repository.resolve("posts-service.pid");
        Files.writeString(file, "pid=12\nstart-ticks=");

        assertThat(PidFile.read(Server.POSTS, file)).isEmpty();
        assertThat(PidFile.read(Server.POSTS, repository.resolve("absent.pid"))).isEmpty();
    }
}
