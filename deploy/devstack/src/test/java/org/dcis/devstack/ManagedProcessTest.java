package org.dcis.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {
    @TempDir
    Path dir;

    @Test
    void aServerThatExitsReportsTheEndOfItsLog() {
        ManagedProcess process = ManagedProcess.start("Doomed", List.of("sh", "-c", "echo starting; echo 'FATAL: bad config'; exit 3"),
                Map.of(), dir, dir.resolve("doomed.log"), false);
        assertThatThrownBy(() -> process.awaitReady(() -> false, Duration.ofSeconds(30)))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("Doomed exited before it was ready")
                .hasMessageContaining("FATAL: bad config");
    }

    @Test
    void stopEndsTheProcessAndItsChildren() {
        ManagedProcess process = ManagedProcess.start("Parent", List.of("sh", "-c", "sleep 300 & sleep 300; wait"),
                Map.of(), dir, dir.resolve("parent.log"), false);
        org.awaitility.Awaitility.await().until(() -> ProcessHandle.of(process.pid()).orElseThrow().children().count() > 0);
        List<ProcessHandle> tree = ProcessHandle.of(process.pid()).orElseThrow().descendants().toList();
        process.stop(Duration.ofSeconds(5));
        assertThat(process.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
}
