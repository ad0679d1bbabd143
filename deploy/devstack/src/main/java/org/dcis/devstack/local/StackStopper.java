package org.dcis.devstack.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.dcis.devstack.ManagedProcess;

/**
 * Ends exactly the processes the launcher started, in the reverse start order, as recorded in the
 * PID files: the right signal, a grace period, then the whole process group is killed. Running it
 * again finds nothing to do.
 */
public final class StackStopper {
    private final StackLayout layout;
    private final PrintStream out;

    public StackStopper(StackLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    /** @return how many servers were running and have been stopped */
    public int stopAll() {
        int stopped = 0;
        Server[] servers = Server.values();
        for (int i = servers.length - 1; i >= 0; i--) {
            if (stop(servers[i])) {
                stopped++;
            }
        }
        return stopped;
    }

    /** Stops one server if its PID file names a live process of ours; removes the PID file in any case. */
    public boolean stop(Server server) {
        var file = layout.pidFile(server);
        Optional<PidFile> recorded = PidFile.read(server, file);
        if (recorded.isEmpty()) {
            delete(file);
            return false;
        }
        PidFile pid = recorded.get();
        boolean wasRunning = false;
        if (pid.isOurLiveProcess()) {
            wasRunning = true;
            out.printf("Stopping %s (pid %d, SIG%s)...%n", server.displayName(), pid.pid(), server.stopSignal());
            ManagedProcess.attach(server.displayName(), pid.pid(), pid.log())
                    .ifPresent(process -> process.stop(server.stopSignal(), server.stopGrace()));
        } else if (Procs.running(pid.pid())) {
            out.printf("%s: pid %d now belongs to another process; left alone%n", server.displayName(), pid.pid());
            delete(file);
            return false;
        }
        // Our leader is gone, so its PID cannot have been reused as a group id while members remain:
        // whatever is still in the group (e.g. Keycloak's JVM after its script died) is ours.
        if (!Procs.running(pid.pid())) {
            wasRunning |= endGroup(server, pid.pid());
        }
        delete(file);
        return wasRunning;
    }

    /**
     * Kills one running server as a crash would: SIGKILL to its whole process group, no grace, so nothing
     * of it shuts down cleanly (open transactions, unsent batches, sockets are simply cut). Returns once
     * every member of the group is gone; removes the PID file.
     *
     * @return what was killed, as its PID file recorded it
     */
    public PidFile kill(Server server) {
        var file = layout.pidFile(server);
        PidFile pid = PidFile.read(server, file).filter(PidFile::isOurLiveProcess)
                .orElseThrow(() -> new StackException(server.displayName() + " is not running: nothing to kill"));
        out.printf("Killing %s (process group %d, SIGKILL)...%n", server.displayName(), pid.pid());
        // Each server is the leader of its own group (setsid), so the group id is its PID.
        Procs.signal("KILL", -pid.pid());
        if (!awaitGroupGone(pid.pid(), Duration.ofSeconds(20))) {
            throw new StackException(server.displayName() + " (process group " + pid.pid()
                    + ") still runs 20 s after SIGKILL: " + Procs.groupMembers(pid.pid()));
        }
        delete(file);
        return pid;
    }

    private boolean endGroup(Server server, long group) {
        List<Long> members = Procs.groupMembers(group);
        if (members.isEmpty()) {
            return false;
        }
        out.printf("Ending what is left of %s (process group %d: %s)...%n", server.displayName(), group, members);
        Procs.signal("TERM", -group);
        if (!awaitGroupGone(group, Duration.ofSeconds(10))) {
            Procs.signal("KILL", -group);
            awaitGroupGone(group, Duration.ofSeconds(10));
        }
        return true;
    }

    private static boolean awaitGroupGone(long group, Duration timeout) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> Procs.groupMembers(group).isEmpty());
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static void delete(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StackException("Could not remove " + file + ": " + e.getMessage(), e);
        }
    }
}
