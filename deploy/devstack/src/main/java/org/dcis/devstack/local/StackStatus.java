package org.dcis.devstack.local;

import java.io.PrintStream;
import java.util.Optional;

/** What runs, on which port, and whether it answers its readiness probe. */
public final class StackStatus {
    /** Exit codes after the LSB convention for status: 0 all healthy, 1 something wrong, 3 not running. */
    public static final int HEALTHY = 0;
    public static final int DEGRADED = 1;
    public static final int NOT_RUNNING = 3;

    private final StackLayout layout;

    public StackStatus(StackLayout layout) {
        this.layout = layout;
    }

    public enum State {
        HEALTHY("healthy"), NOT_READY("running, NOT ready"), STOPPED("not running"),
        EXITED("EXITED (its PID file is stale; see its log)");

        private final String text;

        State(String text) {
            this.text = text;
        }
    }

    public record Line(Server server, State state, Optional<PidFile> pid) {
    }

    public Line of(Server server) {
        Optional<PidFile> pid = PidFile.read(server, layout.pidFile(server));
        if (pid.isEmpty()) {
            return new Line(server, State.STOPPED, pid);
        }
        if (!pid.get().isOurLiveProcess()) {
            return new Line(server, State.EXITED, pid);
        }
        boolean ready = Probes.ready(server, pid.get().probePort());
        return new Line(server, ready ? State.HEALTHY : State.NOT_READY, pid);
    }

    /** True when at least one server of ours is alive. */
    public boolean anyRunning() {
        for (Server server : Server.values()) {
            if (PidFile.read(server, layout.pidFile(server)).filter(PidFile::isOurLiveProcess).isPresent()) {
                return true;
            }
        }
        return false;
    }

    public int print(PrintStream out) {
        int healthy = 0;
        int recorded = 0;
        out.printf("%-20s %-8s %-6s %-44s %s%n", "SERVER", "PID", "PORT", "STATE", "LOG");
        for (Server server : Server.values()) {
            Line line = of(server);
            if (line.state() != State.STOPPED) {
                recorded++;
            }
            if (line.state() == State.HEALTHY) {
                healthy++;
            }
            out.printf("%-20s %-8s %-6s %-44s %s%n", server.displayName(),
                    line.pid().map(p -> Long.toString(p.pid())).orElse("-"),
                    line.pid().map(p -> Integer.toString(p.port())).orElse("-"),
                    line.state().text,
                    line.pid().map(p -> layout.show(p.log())).orElse(layout.show(layout.log(server))));
        }
        if (recorded == 0) {
            return NOT_RUNNING;
        }
        return healthy == Server.values().length ? HEALTHY : DEGRADED;
    }
}
