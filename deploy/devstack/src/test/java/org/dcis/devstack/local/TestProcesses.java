package org.dcis.devstack.local;

import java.util.List;
import java.util.Map;

import org.dcis.devstack.ManagedProcess;

/** Stand-ins for servers: detached like the real ones, with the server's marker on their command line. */
final class TestProcesses {
    private TestProcesses() {
    }

    /** A process that ends its child and exits on SIGTERM, as a well-behaved server does. */
    static ManagedProcess wellBehaved(StackLayout layout, Server server) {
        return start(layout, server, "trap 'kill $!; exit 0' TERM INT; sleep 300 & wait");
    }

    /** A leader that leaves a child in its process group. */
    static ManagedProcess withChild(StackLayout layout, Server server) {
        return start(layout, server, "sleep 300 & wait");
    }

    private static ManagedProcess start(StackLayout layout, Server server, String script) {
        // bash -c SCRIPT ARG0: the marker is $0, so it stays on the command line for the process's life.
        return ManagedProcess.start(server.displayName(), List.of("bash", "-c", script, layout.marker(server)),
                Map.of(), layout.repository(), layout.log(server), true);
    }

    static PidFile record(StackLayout layout, Server server, ManagedProcess process) {
        PidFile pid = PidFile.of(server, process.pid(), server.defaultPort(), server.defaultPort(), layout.marker(server), process.logFile());
        pid.write(layout.pidFile(server));
        return pid;
    }
}
